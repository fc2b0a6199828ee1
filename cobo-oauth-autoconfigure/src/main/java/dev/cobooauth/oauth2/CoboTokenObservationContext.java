package dev.cobooauth.oauth2;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * What the observation of one token operation knows: the operation, the registration and principal
 * (the org, or the API key's public key) it obtains a token for, and how it ended. Never a token.
 */
public final class CoboTokenObservationContext extends Observation.Context {

	private final CoboTokenOperation operation;

	private final String registrationId;

	private final String principalName;

	/**
	 * @param operation the token operation
	 * @param registrationId the registration the token is for
	 * @param principalName the principal the token is stored under
	 */
	public CoboTokenObservationContext(CoboTokenOperation operation, String registrationId, String principalName) {
		if (operation == null || registrationId == null || principalName == null) {
			throw new IllegalArgumentException("operation, registrationId and principalName cannot be null");
		}
		this.operation = operation;
		this.registrationId = registrationId;
		this.principalName = principalName;
	}

	/** @return the token operation */
	public CoboTokenOperation getOperation() {
		return this.operation;
	}

	/** @return the registration the token is for */
	public String getRegistrationId() {
		return this.registrationId;
	}

	/** @return the principal the token is stored under: the org, or the API key's public key */
	public String getPrincipalName() {
		return this.principalName;
	}

	/**
	 * @return the OAuth error code of the failure, e.g. {@code invalid_grant}; {@code null} when the
	 * operation has not failed or failed with something other than an OAuth error
	 */
	public @Nullable String getOAuth2ErrorCode() {
		return (getError() instanceof OAuth2AuthorizationException failure) ? failure.getError().getErrorCode() : null;
	}

}
