package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * What {@link CoboTokens.Builder#build()} was given, copied once: the token engine reads these
 * settings, never the builder, so that a builder changed after {@code build()} changes no engine it
 * built.
 *
 * @param endpoint where Cobo is
 * @param clientId the Portal App's client id, if any
 * @param appKey the Portal App's key, if any
 * @param apiKey the API key, if any
 * @param permissionType the permission the API key's token is exchanged for, if any
 * @param clock every time decision reads it
 * @param clockSkew how long before expiry a token is refreshed
 * @param acquireTimeout how long a call waits for a token
 * @param retry how token requests are retried
 * @param connectTimeout a token request's connect timeout
 * @param readTimeout a token request's read timeout
 * @param refusedOrgBackoff how long a refused org's grant is not asked again
 * @param maxTrackedOrgs how many orgs the engine keeps bookkeeping for
 * @param maxConcurrentRequests how many token requests are sent at once at most
 * @param refreshSpread where refresh points are drawn from
 * @param restClientBuilder a builder of the engine's own, cloned from the one given
 * @param executor runs background refreshes
 * @param observations observes token requests
 * @param dataSource the shared token store, if any
 * @param encryptionKey a copy of the stored tokens' key, if any
 * @param tokenLock the lock across instances, if any
 */
record TokenSettings(CoboEndpoint endpoint, @Nullable String clientId, @Nullable CoboSigner appKey,
		@Nullable CoboSigner apiKey, @Nullable String permissionType, Clock clock, Duration clockSkew,
		Duration acquireTimeout, CoboTokenRetry retry, Duration connectTimeout, Duration readTimeout,
		Duration refusedOrgBackoff, int maxTrackedOrgs, int maxConcurrentRequests, RandomGenerator refreshSpread,
		RestClient.Builder restClientBuilder, Executor executor, CoboTokenObservations observations,
		@Nullable DataSource dataSource, byte @Nullable [] encryptionKey, @Nullable TokenLock tokenLock) {

	TokenSettings {
		encryptionKey = (encryptionKey != null) ? encryptionKey.clone() : null;
	}

	/** @return a builder for one token client; the settings' own is never handed out */
	@Override
	public RestClient.Builder restClientBuilder() {
		return this.restClientBuilder.clone();
	}

	/** @return a copy of the stored tokens' key, or {@code null} */
	@Override
	public byte @Nullable [] encryptionKey() {
		return (this.encryptionKey != null) ? this.encryptionKey.clone() : null;
	}

}
