package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

/**
 * Whether a token can be had for one registration and principal (one org): {@code UP} while the
 * stored token is valid or the latest attempt to obtain one succeeded, {@code DOWN} when the latest
 * attempt failed and no valid token is stored, {@code UNKNOWN} before any attempt. A principal that
 * never had a token and that the application was not told to expect ({@code cobo.app.orgs}) is never
 * {@code DOWN}, only {@code UNKNOWN}: an org id that came from a request must not mark the
 * application down. Details: when
 * the token expires, the last success and failure and the last OAuth error code. Never a token.
 */
final class CoboTokenHealthIndicator extends AbstractHealthIndicator {

	private final TokenStore store;

	private final TokenOutcomes outcomes;

	private final Clock clock;

	private final String registrationId;

	private final String principalName;

	private final boolean configured;

	/**
	 * @param store where the tokens are kept
	 * @param outcomes the latest outcome per principal
	 * @param clock the clock tokens are dated by
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 * @param configured whether the application expects this principal to have a token
	 */
	CoboTokenHealthIndicator(TokenStore store, TokenOutcomes outcomes, Clock clock, String registrationId,
			String principalName, boolean configured) {
		super("Cannot tell whether a Cobo token can be had");
		this.store = store;
		this.outcomes = outcomes;
		this.clock = clock;
		this.registrationId = registrationId;
		this.principalName = principalName;
		this.configured = configured;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		OAuth2AuthorizedClient stored = this.store.service()
			.loadAuthorizedClient(this.registrationId, this.principalName);
		TokenOutcomes.TokenOutcome outcome = this.outcomes.get(this.registrationId, this.principalName);
		Instant expiresAt = (stored != null) ? stored.getAccessToken().getExpiresAt()
				: (outcome != null) ? outcome.expiresAt() : null;
		boolean valid = stored != null && expiresAt != null && this.clock.instant().isBefore(expiresAt);
		if (valid || (outcome != null && !outcome.lastAttemptFailed())) {
			builder.up();
		}
		else if (outcome != null && (this.configured || outcome.lastSuccess() != null)) {
			builder.down();
		}
		else {
			builder.unknown();
		}
		detail(builder, "expiresAt", expiresAt);
		if (outcome != null) {
			detail(builder, "lastSuccess", outcome.lastSuccess());
			detail(builder, "lastFailure", outcome.lastFailure());
			detail(builder, "lastError", outcome.lastErrorCode());
		}
	}

	private static void detail(Health.Builder builder, String name, @Nullable Object value) {
		if (value != null) {
			builder.withDetail(name, value.toString());
		}
	}

}
