package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.CoboWebClientConfigurer;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.client.RestClient;

/**
 * The Org Access Tokens and the Permission Access Token of one application, and the one token
 * engine they share: Cobo's grants as Spring Security {@code OAuth2AuthorizedClientProvider}s, one
 * token request per org at a time ({@code cobo.token.acquire-timeout}), stale-while-refresh
 * ({@code cobo.token.clock-skew}), retries of transient failures ({@code cobo.token.retry.*}), and,
 * with a shared store, a lock across instances. Both stacks use the same engine: a token obtained
 * for a {@code RestClient} call serves a {@code WebClient} call too.
 * <p>
 * Spring Boot builds it from {@code cobo.*} (the bean {@code coboTokens}). Without Boot, build it
 * the way Spring Security's {@code OAuth2AuthorizedClientProviderBuilder} builds a provider:
 * <pre>
 * CoboTokens tokens = CoboTokens.builder(CoboEndpoint.of(CoboEnvironment.SANDBOX))
 *     .portalApp("my-client-id", CoboSigner.of(KeyType.ED25519, appSecretHex, "app secret"))
 *     .build();
 * RestClient cobo = RestClient.builder().apply(tokens.orgClients().restClientConfigurer(null)).build();
 * cobo.get().uri("/wallets").attributes(CoboOrg.id("org-1")).retrieve().body(String.class);
 * </pre>
 */
public final class CoboTokens {

	/** How long Cobo's Org refresh tokens live. */
	private static final Duration ORG_REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

	/** How long Cobo's Permission refresh tokens live. */
	private static final Duration PERMISSION_REFRESH_TOKEN_LIFETIME = Duration.ofDays(7);

	private final TokenAssembly assembly;

	private final @Nullable CoboOrgAccessTokens orgAccessTokens;

	private final @Nullable CoboOrgClients orgClients;

	private final @Nullable SingleFlightOAuth2AuthorizedClientManager permissionEngine;

	private final @Nullable String apiKeyPrincipal;

	private CoboTokens(TokenSettings settings) {
		this.assembly = new TokenAssembly(settings);
		@Nullable CoboSigner appKey = settings.appKey();
		@Nullable CoboSigner apiKey = settings.apiKey();
		@Nullable String permissionType = settings.permissionType();
		this.orgAccessTokens = (appKey != null)
				? new CoboOrgAccessTokens(
						this.assembly.orgAccessTokenEngine(appKey, this.assembly.expiry(ORG_REFRESH_TOKEN_LIFETIME)),
						CoboClientRegistrations.ORG_ACCESS_TOKEN)
				: null;
		this.orgClients = (this.orgAccessTokens != null && appKey != null)
				? new CoboOrgClients(settings.endpoint(), appKey, this.orgAccessTokens) : null;
		this.permissionEngine = (apiKey != null && permissionType != null)
				? this.assembly.permissionTokenEngine(apiKey, permissionType,
						this.assembly.expiry(PERMISSION_REFRESH_TOKEN_LIFETIME))
				: null;
		this.apiKeyPrincipal = (apiKey != null) ? apiKey.publicKeyHex() : null;
	}

	/**
	 * @param endpoint where Cobo is and how its answers are verified
	 * @return a builder; give it a Portal App, an API key, or both
	 */
	public static Builder builder(CoboEndpoint endpoint) {
		if (endpoint == null) {
			throw new IllegalArgumentException("endpoint cannot be null");
		}
		return new Builder(endpoint);
	}

	/**
	 * @return the Org Access Tokens of the Portal App's orgs
	 * @throws IllegalStateException if no Portal App was given
	 */
	public CoboOrgAccessTokens orgAccessTokens() {
		if (this.orgAccessTokens == null) {
			throw new IllegalStateException("No Portal App: give the builder portalApp(clientId, appKey)");
		}
		return this.orgAccessTokens;
	}

	/**
	 * @return the same Org Access Tokens for reactive callers; needs Project Reactor
	 * @throws IllegalStateException if no Portal App was given
	 */
	public ReactiveCoboOrgAccessTokens reactiveOrgAccessTokens() {
		return new ReactiveCoboOrgAccessTokens(orgAccessTokens().engine(), CoboClientRegistrations.ORG_ACCESS_TOKEN);
	}

	/**
	 * @return the API key's Permission Access Token
	 * @throws IllegalStateException if no API key was given
	 */
	public CoboPermissionTokens permissionTokens() {
		return new CoboPermissionTokens(permissionEngine(), CoboClientRegistrations.PERMISSION_TOKEN,
				this.apiKeyPrincipal);
	}

	/**
	 * @return the same Permission Access Token for reactive callers; needs Project Reactor
	 * @throws IllegalStateException if no API key was given
	 */
	public ReactiveCoboPermissionTokens reactivePermissionTokens() {
		return new ReactiveCoboPermissionTokens(permissionEngine(), CoboClientRegistrations.PERMISSION_TOKEN,
				this.apiKeyPrincipal);
	}

	private SingleFlightOAuth2AuthorizedClientManager permissionEngine() {
		if (this.permissionEngine == null) {
			throw new IllegalStateException("No API key: give the builder apiKey(apiKey, permissionType)");
		}
		return this.permissionEngine;
	}

	/**
	 * @return what makes {@code RestClient} and {@code WebClient} builders call WaaS for the Portal
	 * App's orgs
	 * @throws IllegalStateException if no Portal App was given
	 */
	public CoboOrgClients orgClients() {
		if (this.orgClients == null) {
			throw new IllegalStateException("No Portal App: give the builder portalApp(clientId, appKey)");
		}
		return this.orgClients;
	}

	/**
	 * The same as {@code orgClients().restClientConfigurer(defaultOrg)}: see
	 * {@link CoboOrgClients#restClientConfigurer}.
	 * @param defaultOrg the org of requests that name none; {@code null} to refuse such requests
	 * with a {@link MissingCoboOrgException}
	 * @return the configurer
	 * @throws IllegalStateException if no Portal App was given
	 */
	public CoboRestClientConfigurer restClientConfigurer(@Nullable String defaultOrg) {
		return orgClients().restClientConfigurer(defaultOrg);
	}

	/**
	 * The same as {@code orgClients().webClientConfigurer(defaultOrg)}: see
	 * {@link CoboOrgClients#webClientConfigurer}.
	 * @param defaultOrg the org of requests that name none; {@code null} to refuse such requests
	 * @return the configurer
	 * @throws IllegalStateException if no Portal App was given
	 */
	public CoboWebClientConfigurer webClientConfigurer(@Nullable String defaultOrg) {
		return orgClients().webClientConfigurer(defaultOrg);
	}

	/** @return the engine's parts, for the health contributor */
	TokenAssembly assembly() {
		return this.assembly;
	}

	/**
	 * Builds {@link CoboTokens}. Every setting has the default of the {@code cobo.token.*} property
	 * of the same name.
	 */
	public static final class Builder {

		private final CoboEndpoint endpoint;

		private @Nullable String clientId;

		private @Nullable CoboSigner appKey;

		private @Nullable CoboSigner apiKey;

		private @Nullable String permissionType;

		private Clock clock = Clock.systemUTC();

		private Duration clockSkew = Duration.ofSeconds(60);

		private Duration acquireTimeout = Duration.ofSeconds(30);

		private int maxAttempts = 3;

		private Duration initialBackoff = Duration.ofMillis(200);

		private Duration maxBackoff = Duration.ofSeconds(5);

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration readTimeout = Duration.ofSeconds(10);

		private Duration refusedOrgBackoff = Duration.ofSeconds(30);

		private int maxTrackedOrgs = 10_000;

		private int maxConcurrentRequests = 4;

		private RandomGenerator refreshSpread = RandomGenerator.getDefault();

		private RestClient.@Nullable Builder restClientBuilder;

		private @Nullable Executor executor;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable CoboTokenObservationConvention observationConvention;

		private @Nullable DataSource dataSource;

		private byte @Nullable [] encryptionKey;

		private @Nullable TokenLock tokenLock;

		private Builder(CoboEndpoint endpoint) {
			this.endpoint = endpoint;
		}

		/**
		 * A Cobo Portal App (Cobo OAuth): Org Access Tokens with the {@code org_implicit} grant.
		 * @param clientId the app's client id, from its published manifest
		 * @param appKey the app key token requests and WaaS calls are signed with
		 * @return this builder
		 */
		public Builder portalApp(String clientId, CoboSigner appKey) {
			this.clientId = requireText(clientId, "clientId");
			this.appKey = requireNonNull(appKey, "appKey");
			return this;
		}

		/**
		 * An organization's own API key (Cobo Auth): its Permission Access Token.
		 * @param apiKey the API key the token requests are signed with
		 * @param permissionType the permission the token is exchanged for, e.g.
		 * {@code payment_orders_payin}
		 * @return this builder
		 */
		public Builder apiKey(CoboSigner apiKey, String permissionType) {
			this.apiKey = requireNonNull(apiKey, "apiKey");
			this.permissionType = requireText(permissionType, "permissionType");
			return this;
		}

		/**
		 * @param clock every time decision reads it: token expiry, {@code Retry-After} dates
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * @param clockSkew how long before expiry a token is refreshed; zero or more
		 * @return this builder
		 */
		public Builder clockSkew(Duration clockSkew) {
			this.clockSkew = requireAtLeastZero(clockSkew, "clockSkew");
			return this;
		}

		/**
		 * @param acquireTimeout how long a call waits for a token another caller is fetching; positive
		 * @return this builder
		 */
		public Builder acquireTimeout(Duration acquireTimeout) {
			this.acquireTimeout = requirePositive(acquireTimeout, "acquireTimeout");
			return this;
		}

		/**
		 * @param maxAttempts how many times a token request is sent at most, the first included
		 * @param initialBackoff the delay before the first retry; zero or more
		 * @param maxBackoff the longest delay between two attempts; not below the initial
		 * @return this builder
		 */
		public Builder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("maxAttempts must be at least 1");
			}
			requireAtLeastZero(initialBackoff, "initialBackoff");
			if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException("maxBackoff cannot be below initialBackoff");
			}
			this.maxAttempts = maxAttempts;
			this.initialBackoff = initialBackoff;
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * @param connectTimeout how long a token request may take to connect; positive
		 * @param readTimeout how long a token request may wait for Cobo's answer; positive
		 * @return this builder
		 */
		public Builder tokenRequestTimeouts(Duration connectTimeout, Duration readTimeout) {
			this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
			this.readTimeout = requirePositive(readTimeout, "readTimeout");
			return this;
		}

		/**
		 * @param refusedOrgBackoff how long, after Cobo refused an org's grant with an OAuth error (not a
		 * transient failure), calls for that org fail at once with the same error without asking Cobo;
		 * zero to ask every time
		 * @return this builder
		 */
		public Builder refusedOrgBackoff(Duration refusedOrgBackoff) {
			this.refusedOrgBackoff = requireAtLeastZero(refusedOrgBackoff, "refusedOrgBackoff");
			return this;
		}

		/**
		 * @param maxTrackedOrgs how many orgs the engine keeps bookkeeping for (the latest outcome, a
		 * refusal), the least recently seen forgotten first; stored tokens are not affected
		 * @return this builder
		 */
		public Builder maxTrackedOrgs(int maxTrackedOrgs) {
			if (maxTrackedOrgs < 1) {
				throw new IllegalArgumentException("maxTrackedOrgs must be at least 1");
			}
			this.maxTrackedOrgs = maxTrackedOrgs;
			return this;
		}

		/**
		 * @param maxConcurrentRequests how many token requests this instance sends to Cobo at once at
		 * most, whichever org or flow they are for; at least 1
		 * @return this builder
		 */
		public Builder maxConcurrentRequests(int maxConcurrentRequests) {
			if (maxConcurrentRequests < 1) {
				throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
			}
			this.maxConcurrentRequests = maxConcurrentRequests;
			return this;
		}

		/**
		 * @param random where each token's refresh point is drawn from, between twice the clock skew
		 * and the clock skew before it expires, so that tokens obtained together come due apart; a
		 * seeded one makes the points repeatable
		 * @return this builder
		 */
		public Builder refreshSpread(RandomGenerator random) {
			this.refreshSpread = requireNonNull(random, "random");
			return this;
		}

		/**
		 * @param restClientBuilder the builder token requests are made with, e.g. Spring Boot's, so that
		 * they are observed like the application's other calls; it is cloned, never changed
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = requireNonNull(restClientBuilder, "restClientBuilder");
			return this;
		}

		/**
		 * @param executor runs background refreshes, and the token requests of reactive callers; by
		 * default a new thread per task
		 * @return this builder
		 */
		public Builder executor(Executor executor) {
			this.executor = requireNonNull(executor, "executor");
			return this;
		}

		/**
		 * @param registry where each token request is observed ({@code cobo.token.requests})
		 * @param convention names the observation and its keys; {@code null} for the default
		 * @return this builder
		 */
		public Builder observations(ObservationRegistry registry, @Nullable CoboTokenObservationConvention convention) {
			this.observationRegistry = requireNonNull(registry, "registry");
			this.observationConvention = convention;
			return this;
		}

		/**
		 * Keeps tokens in a database shared by every instance, in Spring Security's
		 * {@code oauth2_authorized_client} table, instead of this instance's memory. Unless a
		 * {@link #tokenLock} is given, instances take turns asking Cobo with a PostgreSQL advisory lock.
		 * @param dataSource the database; the table must exist
		 * @param encryptionKey a 32-byte AES key that encrypts the stored token values, or {@code null}
		 * to store them as they are
		 * @return this builder
		 */
		public Builder jdbcTokenStore(DataSource dataSource, byte @Nullable [] encryptionKey) {
			this.dataSource = requireNonNull(dataSource, "dataSource");
			if (encryptionKey != null && encryptionKey.length != 32) {
				throw new IllegalArgumentException("encryptionKey must be 32 bytes");
			}
			this.encryptionKey = (encryptionKey != null) ? encryptionKey.clone() : null;
			return this;
		}

		/**
		 * @param tokenLock serializes the token requests of every instance that shares the token store
		 * @return this builder
		 */
		public Builder tokenLock(TokenLock tokenLock) {
			this.tokenLock = requireNonNull(tokenLock, "tokenLock");
			return this;
		}

		/**
		 * Configures how token requests are sent to Cobo, in one place:
		 * <pre>
		 * builder.tokenRequests((requests) -&gt; requests
		 *     .retry(3, Duration.ofMillis(200), Duration.ofSeconds(5))
		 *     .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
		 *     .maxConcurrent(4));
		 * </pre>
		 * @param customizer changes the token request settings
		 * @return this builder
		 */
		public Builder tokenRequests(Consumer<TokenRequestsBuilder> customizer) {
			requireNonNull(customizer, "customizer").accept(new TokenRequestsBuilder(this));
			return this;
		}

		/**
		 * Configures where tokens are kept and how instances sharing them take turns:
		 * <pre>
		 * builder.tokenStore((store) -&gt; store.jdbc(dataSource, encryptionKey).lock(tokenLock));
		 * </pre>
		 * @param customizer changes the token store settings
		 * @return this builder
		 */
		public Builder tokenStore(Consumer<TokenStoreBuilder> customizer) {
			requireNonNull(customizer, "customizer").accept(new TokenStoreBuilder(this));
			return this;
		}

		/**
		 * @return the tokens
		 * @throws IllegalStateException if neither a Portal App nor an API key was given
		 */
		public CoboTokens build() {
			if (this.appKey == null && this.apiKey == null) {
				throw new IllegalStateException("Give a Portal App (portalApp(..)), an API key (apiKey(..)), or both");
			}
			return new CoboTokens(new TokenSettings(this.endpoint, this.clientId, this.appKey, this.apiKey,
					this.permissionType, this.clock, this.clockSkew, this.acquireTimeout,
					new CoboTokenRetry(this.maxAttempts, this.initialBackoff, this.maxBackoff), this.connectTimeout,
					this.readTimeout, this.refusedOrgBackoff, this.maxTrackedOrgs, this.maxConcurrentRequests,
					this.refreshSpread,
					(this.restClientBuilder != null) ? this.restClientBuilder.clone() : RestClient.builder(),
					(this.executor != null) ? this.executor : new SimpleAsyncTaskExecutor("cobo-token-"),
					new CoboTokenObservations(this.observationRegistry, this.observationConvention),
					this.dataSource, this.encryptionKey, this.tokenLock));
		}

		private static <T> T requireNonNull(@Nullable T value, String name) {
			if (value == null) {
				throw new IllegalArgumentException(name + " cannot be null");
			}
			return value;
		}

		private static String requireText(@Nullable String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " cannot be empty");
			}
			return value.strip();
		}

		private static Duration requireAtLeastZero(@Nullable Duration value, String name) {
			if (value == null || value.isNegative()) {
				throw new IllegalArgumentException(name + " must be zero or positive");
			}
			return value;
		}

		private static Duration requirePositive(@Nullable Duration value, String name) {
			if (value == null || value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return value;
		}

	}

	/**
	 * The token request settings of a {@link Builder}, given through
	 * {@link Builder#tokenRequests(Consumer)}: retries, timeouts, how many at once, the client they
	 * are made with, and their observations.
	 */
	public static final class TokenRequestsBuilder {

		private final Builder builder;

		private TokenRequestsBuilder(Builder builder) {
			this.builder = builder;
		}

		/**
		 * @param maxAttempts how many times a token request is sent at most, the first included
		 * @param initialBackoff the delay before the first retry; zero or more
		 * @param maxBackoff the longest delay between two attempts; not below the initial
		 * @return this builder
		 * @see Builder#retry(int, Duration, Duration)
		 */
		public TokenRequestsBuilder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
			this.builder.retry(maxAttempts, initialBackoff, maxBackoff);
			return this;
		}

		/**
		 * @param connectTimeout how long a token request may take to connect; positive
		 * @param readTimeout how long a token request may wait for Cobo's answer; positive
		 * @return this builder
		 * @see Builder#tokenRequestTimeouts(Duration, Duration)
		 */
		public TokenRequestsBuilder timeouts(Duration connectTimeout, Duration readTimeout) {
			this.builder.tokenRequestTimeouts(connectTimeout, readTimeout);
			return this;
		}

		/**
		 * @param maxConcurrentRequests how many token requests this instance sends to Cobo at once at
		 * most; at least 1
		 * @return this builder
		 * @see Builder#maxConcurrentRequests(int)
		 */
		public TokenRequestsBuilder maxConcurrent(int maxConcurrentRequests) {
			this.builder.maxConcurrentRequests(maxConcurrentRequests);
			return this;
		}

		/**
		 * @param restClientBuilder the builder token requests are made with; it is cloned, never changed
		 * @return this builder
		 * @see Builder#restClientBuilder(RestClient.Builder)
		 */
		public TokenRequestsBuilder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.builder.restClientBuilder(restClientBuilder);
			return this;
		}

		/**
		 * @param registry where each token request is observed ({@code cobo.token.requests})
		 * @param convention names the observation and its keys; {@code null} for the default
		 * @return this builder
		 * @see Builder#observations(ObservationRegistry, CoboTokenObservationConvention)
		 */
		public TokenRequestsBuilder observations(ObservationRegistry registry,
				@Nullable CoboTokenObservationConvention convention) {
			this.builder.observations(registry, convention);
			return this;
		}

	}

	/**
	 * The token store settings of a {@link Builder}, given through {@link Builder#tokenStore(Consumer)}:
	 * a database shared by every instance, and the lock they take turns with.
	 */
	public static final class TokenStoreBuilder {

		private final Builder builder;

		private TokenStoreBuilder(Builder builder) {
			this.builder = builder;
		}

		/**
		 * @param dataSource the database; the table must exist
		 * @param encryptionKey a 32-byte AES key that encrypts the stored token values, or {@code null}
		 * to store them as they are
		 * @return this builder
		 * @see Builder#jdbcTokenStore(DataSource, byte[])
		 */
		public TokenStoreBuilder jdbc(DataSource dataSource, byte @Nullable [] encryptionKey) {
			this.builder.jdbcTokenStore(dataSource, encryptionKey);
			return this;
		}

		/**
		 * @param tokenLock serializes the token requests of every instance that shares the token store
		 * @return this builder
		 * @see Builder#tokenLock(TokenLock)
		 */
		public TokenStoreBuilder lock(TokenLock tokenLock) {
			this.builder.tokenLock(tokenLock);
			return this;
		}

	}

}
