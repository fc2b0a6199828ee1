package dev.cobooauth.signing;

import org.jspecify.annotations.Nullable;

/**
 * Tells a failure of a call to Cobo apart from the same exception type thrown by a call to another
 * service. The starter's Cobo clients attach one to what they throw, as a suppressed exception: to
 * the {@code RestClientResponseException} or {@code WebClientResponseException} of an error answer,
 * and to any failure raised while the call went through the starter's interceptors or filters
 * (a token that could not be had, an answer that failed its signature check). Nothing outside the
 * JVM can attach one, so a service that answers with Cobo's error shape is still not taken for Cobo.
 * The problem-details handlers of {@code dev.cobooauth.web} answer only failures that carry one, or
 * that are the starter's own exception types.
 * <p>
 * It has no stack trace; its message (in the failure's stack trace, under "Suppressed") names the
 * call, never a host, a token or a body.
 */
public final class CoboCallFailure extends RuntimeException {

	private final boolean signedAnswer;

	private CoboCallFailure(String call, boolean signedAnswer) {
		super(call, null, false, false);
		this.signedAnswer = signedAnswer;
	}

	/**
	 * @param failure what a call threw
	 * @return the mark a Cobo client left on it, or {@code null} when no Cobo client raised it
	 */
	public static @Nullable CoboCallFailure of(Throwable failure) {
		for (Throwable suppressed : failure.getSuppressed()) {
			if (suppressed instanceof CoboCallFailure mark) {
				return mark;
			}
		}
		return null;
	}

	/**
	 * @return whether the failure is an error answer that carried Cobo's response signature and was
	 * verified: only then does its body speak for Cobo. An error answer accepted unsigned (414, 429,
	 * 502, 503, which a proxy in front of Cobo may give) or received with response verification off
	 * is not
	 */
	public boolean isSignedAnswer() {
		return this.signedAnswer;
	}

	/**
	 * Marks a failure raised on the way of a call to Cobo, unless it is marked already.
	 * @param failure the failure
	 * @param call the call, e.g. {@code GET /v2/wallets}
	 * @param signedAnswer whether it is an error answer whose signature was verified
	 * @param <T> its type
	 * @return the failure
	 */
	static <T extends Throwable> T mark(T failure, String call, boolean signedAnswer) {
		if (of(failure) == null) {
			failure.addSuppressed(new CoboCallFailure(call, signedAnswer));
		}
		return failure;
	}

}
