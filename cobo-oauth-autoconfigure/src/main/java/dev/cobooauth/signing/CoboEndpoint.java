package dev.cobooauth.signing;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.unit.DataSize;

/**
 * Where Cobo is and how its answers are checked: the base URL (ending in {@code /v2}, no trailing
 * slash) and, unless verification is off, the Ed25519 key that signs its responses. Every client
 * built for one endpoint shares one nonce source per key, so two requests signed with the same key
 * never carry the same nonce, whichever client sends them; instances of an application sharing a key
 * keep apart through the {@link NonceSlots} they hold ({@link Builder#nonceSlots}).
 * <p>
 * Build it for one of Cobo's environments with {@link #of(CoboEnvironment)}, or for a proxy or a
 * simulator with {@link #builder(String)}.
 * <p>
 * A Cobo client never follows a redirect: a request carries its signature (and a bearer token)
 * only to where it was addressed. The configurers refuse every 3xx answer with a
 * {@link CoboRedirectException}; give the endpoint a request factory and a connector that do not
 * follow redirects ({@link Builder#requestFactory}, {@link Builder#connector}; the auto-configuration
 * builds them from Spring Boot's HTTP client settings with redirects off), so that the HTTP client
 * itself never goes elsewhere.
 */
public final class CoboEndpoint {

	private final URI baseUrl;

	private final @Nullable CoboResponseVerifier responseVerifier;

	private final CoboSignatureMetrics metrics;

	private final @Nullable ClientHttpRequestFactory requestFactory;

	private final @Nullable ClientHttpConnector connector;

	private final NonceSlots nonceSlots;

	private final ConcurrentMap<CoboSigner, CoboRequestSigner> requestSigners = new ConcurrentHashMap<>();

	private CoboEndpoint(Builder builder, @Nullable CoboResponseVerifier responseVerifier) {
		this.baseUrl = builder.baseUrl;
		this.responseVerifier = responseVerifier;
		this.metrics = builder.metrics;
		this.requestFactory = builder.requestFactory;
		this.connector = builder.connector;
		this.nonceSlots = builder.nonceSlots;
	}

	/**
	 * @param environment one of Cobo's environments
	 * @return its base URL, its responses verified with its key
	 */
	public static CoboEndpoint of(CoboEnvironment environment) {
		return builder(environment.getBaseUrl())
			.responsePublicKey(environment.getResponsePublicKeyHex(), "cobo.env " + environment)
			.build();
	}

	/**
	 * @param baseUrl an absolute http or https URL including the {@code /v2} prefix; a trailing slash
	 * is ignored
	 * @return a builder, which needs the key of the responses unless verification is turned off
	 * @throws IllegalArgumentException if the URL is not an absolute http or https URL, or has a
	 * query or a fragment
	 */
	public static Builder builder(String baseUrl) {
		return new Builder(parse(baseUrl));
	}

	private static URI parse(String baseUrl) {
		String text = (baseUrl != null) ? baseUrl.strip() : "";
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		try {
			URI uri = new URI(text);
			if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
				throw new IllegalArgumentException("'" + baseUrl + "' is not an absolute http or https URL");
			}
			if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
				throw new IllegalArgumentException("'" + baseUrl + "' has a query or a fragment; a base URL has neither");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("'" + baseUrl + "' is not a URL: " + ex.getReason(), ex);
		}
	}

	/** @return the base URL, ending in {@code /v2}, without a trailing slash */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * @param path a path below the base URL, starting with {@code /}, e.g. {@code /oauth/token}
	 * @return the base URL followed by the path
	 */
	public String resolve(String path) {
		return this.baseUrl + path;
	}

	/** @return whether responses are refused unless Cobo signed them */
	public boolean verifiesResponses() {
		return this.responseVerifier != null;
	}

	/**
	 * @return the hex Ed25519 key responses must be signed with, or {@code null} when responses are
	 * not verified
	 */
	public @Nullable String responsePublicKeyHex() {
		return (this.responseVerifier != null) ? this.responseVerifier.getPublicKeyHex() : null;
	}

	/**
	 * @param headers the headers of an answer that reached the caller through a client of this
	 * endpoint
	 * @return whether Cobo's signature on it was checked: responses are verified and it carries one.
	 * An answer without (a proxy's 414, 429, 502 or 503) says nothing Cobo vouches for.
	 */
	public boolean isSigned(org.springframework.http.HttpHeaders headers) {
		return this.responseVerifier != null && CoboResponseSignatureHeaders.timestamp(headers) != null
				&& CoboResponseSignatureHeaders.signature(headers) != null;
	}

	Optional<CoboResponseVerifier> responseVerifier() {
		return Optional.ofNullable(this.responseVerifier);
	}

	Optional<ClientHttpRequestFactory> requestFactory() {
		return Optional.ofNullable(this.requestFactory);
	}

	Optional<ClientHttpConnector> connector() {
		return Optional.ofNullable(this.connector);
	}

	/**
	 * @param signer a key
	 * @param keyKind {@link CoboSignatureMetrics#APP_KEY} or {@link CoboSignatureMetrics#API_KEY}
	 * @return the one request signer of that key for this endpoint, with its own nonce source
	 */
	CoboRequestSigner requestSigner(CoboSigner signer, String keyKind) {
		return this.requestSigners.computeIfAbsent(signer,
				(key) -> new CoboRequestSigner(MeteredCoboSigner.of(key, keyKind, this.metrics),
						new NonceSource(this.nonceSlots)));
	}

	@Override
	public String toString() {
		return "CoboEndpoint[" + this.baseUrl + ", responses "
				+ ((this.responseVerifier != null) ? "verified with " + this.responseVerifier.getPublicKeyHex()
						: "not verified")
				+ "]";
	}

	/**
	 * Builds a {@link CoboEndpoint} for a base URL.
	 */
	public static final class Builder {

		private final URI baseUrl;

		private @Nullable CoboSignatureVerifier responseKey;

		private boolean verifyResponses = true;

		private CryptoProvider cryptoProvider = CryptoProvider.AUTO;

		private CoboSignatureMetrics metrics = CoboSignatureMetrics.NONE;

		private Clock clock = Clock.systemUTC();

		private Duration responseTolerance = Duration.ofMinutes(5);

		private DataSize maxResponseBodySize = DataSize.ofMegabytes(10);

		private @Nullable ClientHttpRequestFactory requestFactory;

		private @Nullable ClientHttpConnector connector;

		private NonceSlots nonceSlots = NonceSlots.RANDOM;

		private Builder(URI baseUrl) {
			this.baseUrl = baseUrl;
		}

		/**
		 * @param publicKeyHex the Ed25519 key (64 hex characters) the base URL signs its responses with
		 * @param source where the key came from, named in errors, e.g. a property name
		 * @return this builder
		 * @throws InvalidCoboKeyException if the text is not an Ed25519 public key
		 */
		public Builder responsePublicKey(String publicKeyHex, String source) {
			// Checked now, on the provider that is always there; built on the chosen one by build().
			this.responseKey = CoboSignatureVerifier.of(KeyType.ED25519, publicKeyHex, source, CryptoProvider.BOUNCY_CASTLE);
			return this;
		}

		/**
		 * @param cryptoProvider what verifies the responses' Ed25519 signatures; {@link CryptoProvider#AUTO}
		 * by default
		 * @return this builder
		 */
		public Builder cryptoProvider(CryptoProvider cryptoProvider) {
			this.cryptoProvider = Arguments.requireNonNull(cryptoProvider, "cryptoProvider");
			return this;
		}

		/**
		 * Lets every response reach the caller, signed or not: only for a server that cannot sign.
		 * @return this builder
		 */
		public Builder withoutResponseVerification() {
			this.verifyResponses = false;
			return this;
		}

		/**
		 * @param metrics told of each request signed and each response refused; none by default
		 * @return this builder
		 */
		public Builder signatureMetrics(CoboSignatureMetrics metrics) {
			this.metrics = Arguments.requireNonNull(metrics, "metrics");
			return this;
		}

		/**
		 * @param clock what a response's {@code BIZ-TIMESTAMP} is compared with; the system's UTC
		 * clock by default
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Arguments.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * @param tolerance how far, either way, a response's {@code BIZ-TIMESTAMP} may be from the
		 * clock; 5 minutes by default
		 * @return this builder
		 */
		public Builder responseTolerance(Duration tolerance) {
			this.responseTolerance = Arguments.requirePositive(tolerance, "responseTolerance");
			return this;
		}

		/**
		 * @param maxBodySize the largest response body read to verify it (at most 2047MB); a longer
		 * one fails the call unread; 10MB by default
		 * @return this builder
		 */
		public Builder maxResponseBodySize(DataSize maxBodySize) {
			if (maxBodySize == null || maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("maxResponseBodySize must be between 1B and 2047MB");
			}
			this.maxResponseBodySize = maxBodySize;
			return this;
		}

		/**
		 * @param requestFactory the factory every {@code RestClient} configured for this endpoint
		 * uses; it must not follow redirects. None by default: the builder's own is kept.
		 * @return this builder
		 */
		public Builder requestFactory(ClientHttpRequestFactory requestFactory) {
			this.requestFactory = Arguments.requireNonNull(requestFactory, "requestFactory");
			return this;
		}

		/**
		 * @param connector the connector every {@code WebClient} configured for this endpoint uses;
		 * it must not follow redirects. None by default: the builder's own is kept.
		 * @return this builder
		 */
		public Builder connector(ClientHttpConnector connector) {
			this.connector = Arguments.requireNonNull(connector, "connector");
			return this;
		}

		/**
		 * @param nonceSlots the nonce slot this instance holds, which no other instance sharing its
		 * keys holds; {@link NonceSlots#RANDOM} by default: a slot drawn at random per process
		 * @return this builder
		 */
		public Builder nonceSlots(NonceSlots nonceSlots) {
			if (nonceSlots == null) {
				throw new IllegalArgumentException("nonceSlots cannot be null");
			}
			this.nonceSlots = nonceSlots;
			return this;
		}

		/**
		 * @return the endpoint
		 * @throws IllegalStateException if responses are verified and no key was given, or if the
		 * crypto provider is {@link CryptoProvider#AWS_LC} and cannot be used
		 */
		public CoboEndpoint build() {
			if (!this.verifyResponses) {
				return new CoboEndpoint(this, null);
			}
			if (this.responseKey == null) {
				throw new IllegalStateException("No key for the responses of " + this.baseUrl
						+ ": give responsePublicKey(..), or withoutResponseVerification()");
			}
			return new CoboEndpoint(this, new CoboResponseVerifier(this.responseKey.on(this.cryptoProvider), this.metrics,
					this.clock, this.responseTolerance, (int) this.maxResponseBodySize.toBytes()));
		}

	}

}
