package dev.cobooauth.test;

import java.time.Duration;

/**
 * A misbehaviour to inject into a response, scheduled with {@link FaultSchedule#next}. Immutable.
 * <ul>
 * <li>{@link #status(int, String)}: answer with this status and body instead; the request is not
 * authenticated or handled (no token is issued or rotated). Signed like any answer unless
 * {@link #unsigned()}, which is what a proxy in front of Cobo sends.</li>
 * <li>{@link #delay(Duration)}: handle the request normally, answer after the delay.</li>
 * <li>{@link #droppedSignature()}: handle normally, leave out {@code BIZ-TIMESTAMP} and
 * {@code BIZ-RESP-SIGNATURE}.</li>
 * <li>{@link #corruptedSignature()}: handle normally, send a signature with one hex digit changed.</li>
 * <li>{@link #tamperedBody()}: handle normally, sign the body, then alter the body (a field is added)
 * so the signature no longer matches it.</li>
 * <li>{@link #signedAgo(Duration)}: handle normally, sign with a {@code BIZ-TIMESTAMP} that long before
 * the simulator's clock, as an answer captured earlier and served again would be.</li>
 * <li>{@link #droppedConnection()}: close the connection without any answer, not a byte of a status
 * line, as a load balancer does with a keep-alive connection it closes while the request arrives; the
 * request is recorded and counted, but not authenticated or handled. The client sees an I/O error
 * before any response (the JDK client: {@code HTTP/1.1 header parser received no bytes}).</li>
 * </ul>
 * Each of these leaves the request unprocessed ("not processed": nothing is created, no token is
 * issued), except {@link #afterProcessing()}: the request is handled first, and then its answer is
 * replaced or its connection dropped ("processed, answer lost"), as when Cobo created a transaction but
 * a proxy, a timeout or a dropped connection kept its answer from the client. {@link #answerLost()}
 * is the dropped connection after processing.
 * <p>
 * {@link #unsigned()} and {@link #delayedBy(Duration)} combine with the others (a dropped connection
 * is dropped after the delay), e.g.
 * {@code Fault.status(503, "Service Unavailable").unsigned().delayedBy(Duration.ofMillis(200))}.
 */
public final class Fault {

	/** What happens to the signature headers and the signed body. */
	enum Signing {

		NORMAL, DROPPED, CORRUPTED, BODY_TAMPERED

	}

	static final Fault NONE = new Fault(null, Duration.ZERO, Signing.NORMAL);

	private static final Fault DROPPED_CONNECTION = new Fault(null, Duration.ZERO, Signing.NORMAL, true);

	private final SimulatorResponse replacement;

	private final Duration delay;

	private final Signing signing;

	private final boolean connectionDropped;

	private final Duration signatureAge;

	private final boolean afterProcessing;

	private Fault(SimulatorResponse replacement, Duration delay, Signing signing) {
		this(replacement, delay, signing, false);
	}

	private Fault(SimulatorResponse replacement, Duration delay, Signing signing, boolean connectionDropped) {
		this(replacement, delay, signing, connectionDropped, Duration.ZERO, false);
	}

	private Fault(SimulatorResponse replacement, Duration delay, Signing signing, boolean connectionDropped,
			Duration signatureAge, boolean afterProcessing) {
		this.replacement = replacement;
		this.delay = delay;
		this.signing = signing;
		this.connectionDropped = connectionDropped;
		this.signatureAge = signatureAge;
		this.afterProcessing = afterProcessing;
	}

	/**
	 * @param status the HTTP status to answer with
	 * @param body the body to answer with; sent as {@code application/json} when it starts with a
	 * brace or a bracket, as text otherwise
	 * @return a fault that answers in place of the simulator, signed
	 */
	public static Fault status(int status, String body) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
		}
		if (body == null) {
			throw new IllegalArgumentException("body cannot be null; use \"\" for an empty body");
		}
		return new Fault(SimulatorResponse.text(status, body), Duration.ZERO, Signing.NORMAL);
	}

	/**
	 * @param delay how long to wait before answering
	 * @return a fault that answers normally, late
	 */
	public static Fault delay(Duration delay) {
		return NONE.delayedBy(delay);
	}

	/** @return a fault that answers normally without the response-signature headers */
	public static Fault droppedSignature() {
		return NONE.unsigned();
	}

	/** @return a fault that answers normally with a signature that does not verify */
	public static Fault corruptedSignature() {
		return new Fault(null, Duration.ZERO, Signing.CORRUPTED);
	}

	/** @return a fault that signs the normal body, then sends it altered */
	public static Fault tamperedBody() {
		return new Fault(null, Duration.ZERO, Signing.BODY_TAMPERED);
	}

	/**
	 * @param age how long before the simulator's clock the answer is signed; not negative
	 * @return a fault that answers normally, signed as long ago as that: a valid signature over an
	 * old {@code BIZ-TIMESTAMP}, as an answer captured and replayed carries
	 */
	public static Fault signedAgo(Duration age) {
		if (age == null || age.isNegative()) {
			throw new IllegalArgumentException("age cannot be null or negative");
		}
		return new Fault(null, Duration.ZERO, Signing.NORMAL, false, age, false);
	}

	/**
	 * @return a fault that closes the connection without answering: the client gets no response at
	 * all, only an I/O error
	 */
	public static Fault droppedConnection() {
		return DROPPED_CONNECTION;
	}

	/**
	 * @return a fault that handles the request (a transfer is created, a token issued) and then closes
	 * the connection without answering: Cobo processed it, the client never hears of it
	 */
	public static Fault answerLost() {
		return DROPPED_CONNECTION.afterProcessing();
	}

	/** @return this fault, without the response-signature headers */
	public Fault unsigned() {
		return new Fault(this.replacement, this.delay, Signing.DROPPED, this.connectionDropped, this.signatureAge,
				this.afterProcessing);
	}

	/**
	 * @return this fault, applied after the request was handled: what the request does at Cobo
	 * happens, and then its answer is replaced, or its connection dropped
	 */
	public Fault afterProcessing() {
		return new Fault(this.replacement, this.delay, this.signing, this.connectionDropped, this.signatureAge, true);
	}

	/**
	 * @param delay how long to wait before answering
	 * @return this fault, answered after the delay
	 */
	public Fault delayedBy(Duration delay) {
		if (delay == null || delay.isNegative()) {
			throw new IllegalArgumentException("delay cannot be null or negative");
		}
		return new Fault(this.replacement, delay, this.signing, this.connectionDropped, this.signatureAge,
				this.afterProcessing);
	}

	/** @return the answer to send instead of handling the request, or {@code null} to handle it */
	SimulatorResponse replacement() {
		return this.replacement;
	}

	Duration delay() {
		return this.delay;
	}

	Signing signing() {
		return this.signing;
	}

	/** @return how long before the simulator's clock the answer is signed */
	Duration signatureAge() {
		return this.signatureAge;
	}

	/** @return whether to close the connection instead of answering */
	boolean dropsConnection() {
		return this.connectionDropped;
	}

	/** @return whether the request is handled before the fault applies */
	boolean isAfterProcessing() {
		return this.afterProcessing;
	}

	@Override
	public String toString() {
		String answer = this.connectionDropped ? "connection dropped"
				: (this.replacement != null) ? "status " + this.replacement.status() : "normal answer";
		String signature = this.signatureAge.isZero() ? this.signing.toString()
				: this.signing + " " + this.signatureAge + " ago";
		return "Fault[" + answer + ", signature " + signature + ", delay " + this.delay
				+ (this.afterProcessing ? ", after processing" : "") + "]";
	}

}
