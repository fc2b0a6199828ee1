package dev.cobooauth.transactions;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Checks shared by the request records, and the {@code request_id} made when none is given. */
final class Requests {

	private Requests() {
	}

	/** @throws IllegalArgumentException naming the field when the value is null or a blank string */
	static void required(@Nullable Object value, String field) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new IllegalArgumentException(field + " is required");
		}
	}

	/** @return the given request id, or a new random one when none is given */
	static String requestIdOrNew(@Nullable String requestId) {
		if (requestId == null) {
			return UUID.randomUUID().toString();
		}
		if (requestId.isBlank()) {
			throw new IllegalArgumentException("request_id cannot be blank; leave it out to have one generated");
		}
		return requestId;
	}

}
