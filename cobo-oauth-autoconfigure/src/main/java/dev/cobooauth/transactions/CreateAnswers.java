package dev.cobooauth.transactions;

import java.net.ConnectException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import dev.cobooauth.oauth2.CoboErrorResponse;
import dev.cobooauth.signing.CoboResponseSignatureException;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;

/**
 * Reads what came back from a create, on either stack, into an {@link Attempt}. The outcome is
 * unknown after an I/O error once the request may have left, a signed 5XX, a response whose signature
 * does not verify, and Cobo's duplicate {@code request_id} answer (12009, 30001: a transaction exists);
 * it is known that Cobo did not process the request after an unsigned 502 or 503 (a proxy answered),
 * a signature refusal (401, {@code error_code} 2023, which is also Cobo's answer to a replayed nonce),
 * or a connection that was never made. Every other answer is Cobo's refusal, reported as it is.
 */
final class CreateAnswers {

	private static final Set<Integer> DUPLICATE_REQUEST_ID = Set.of(12009, 30001);

	private static final int SIGNATURE_REFUSED = 2023;

	private static final Set<Integer> PROXY_STATUSES = Set.of(502, 503);

	private CreateAnswers() {
	}

	/**
	 * @param status the answer's status
	 * @param headers its headers
	 * @param body its body, verified by the client unless it is an unsigned proxy status
	 * @param asException the answer as the client stack's exception
	 */
	static Attempt ofAnswer(int status, HttpHeaders headers, byte[] body, Supplier<RuntimeException> asException) {
		if (status >= 200 && status < 300) {
			try {
				return new Attempt.Created(TransactionJson.created(body));
			}
			catch (JacksonException | IllegalArgumentException ex) {
				return new Attempt.Unknown(ex, false);
			}
		}
		if (!isSigned(headers)) {
			return PROXY_STATUSES.contains(status) ? new Attempt.Unknown(asException.get(), true)
					: new Attempt.Refused(asException.get());
		}
		Integer errorCode = CoboErrorResponse.read(status, body).errorCode();
		if (errorCode != null && DUPLICATE_REQUEST_ID.contains(errorCode)) {
			return new Attempt.Unknown(asException.get(), false);
		}
		if (status == 401 && errorCode != null && errorCode == SIGNATURE_REFUSED) {
			return new Attempt.Unknown(asException.get(), true);
		}
		if (status >= 500) {
			return new Attempt.Unknown(asException.get(), false);
		}
		return new Attempt.Refused(asException.get());
	}

	/**
	 * @param failure what the client threw instead of an answer
	 * @param io whether it is the client stack's I/O failure (the request may have left)
	 */
	static Attempt ofFailure(Throwable failure, boolean io) {
		if (causedBy(failure, CoboResponseSignatureException.class)) {
			return new Attempt.Unknown(failure, false);
		}
		if (io) {
			return new Attempt.Unknown(failure, causedBy(failure, ConnectException.class));
		}
		return new Attempt.Refused((failure instanceof RuntimeException runtime) ? runtime
				: new IllegalStateException(failure.getMessage(), failure));
	}

	private static boolean isSigned(HttpHeaders headers) {
		for (String name : headers.headerNames()) {
			String normalized = name.toUpperCase(Locale.ROOT).replace('_', '-');
			if (normalized.equals("BIZ-RESP-SIGNATURE")) {
				return true;
			}
		}
		return false;
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
