package dev.cobooauth.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * An in-process fake of Cobo's WaaS 2.0 API on {@code 127.0.0.1} and a free port, strict the way
 * Cobo is, for tests. Start one, register the app and API keys the client under test signs with,
 * point the client at {@link #baseUrl()} and {@link #responsePublicKeyHex()}, and close it after.
 *
 * <pre>
 * try (CoboSimulator sim = CoboSimulator.start()) {
 *     TestKeyPair appKey = TestKeyPair.generate(KeyType.ED25519);
 *     sim.registerApp("my-client", appKey.publicKeyHex(), "org-1");
 *     ... // the client gets an Org Access Token for org-1 and lists its wallets
 *     assertThat(sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
 * }
 * </pre>
 *
 * Endpoints, under {@code /v2}: {@code GET} and {@code POST /oauth/token},
 * {@code POST /oauth/permission_token/exchange} and {@code /refresh}, {@code GET /wallets},
 * {@code GET /wallets/{wallet_id}}, {@code POST /transactions/transfer}, {@code /contract_call} and
 * {@code /message_sign}, {@code GET /transactions} and {@code GET /transactions/{transaction_id}}
 * (a {@code request_id} is single-use per org: a second create gets 12009). Every request must be signed by
 * a registered key with a fresh nonce and must not be a replay; every answer, refusals included, is
 * signed with the simulator's own Ed25519 key. How each refusal looks is listed in {@link Rejection}.
 * <p>
 * Token expiry follows a simulator clock that tests move with {@link #advanceTime(Duration)}; nonces
 * are checked against the wall clock, which the client signs with. Thread-safe; the server handles
 * requests on as many threads as there are requests in flight.
 * <p>
 * For a Cobo outside the JVM of a test, run it as a program: {@link StandaloneSimulator}.
 */
public final class CoboSimulator implements AutoCloseable {

	private static final String BASE_PATH = "/v2";

	private static final int BACKLOG = 1024;

	private final HttpServer server;

	private final ExecutorService executor;

	private final ResponseSigningKey responseSigningKey;

	private final SimulatorClock clock = new SimulatorClock();

	private final Registrations registrations = new Registrations();

	private final FaultSchedule faults = new FaultSchedule();

	private final SimulatorCounters counters = new SimulatorCounters();

	private final RequestLog log;

	private final TokenLedger orgTokens;

	private final TokenLedger permissionTokens;

	private final RequestAuthenticator authenticator;

	private final TransactionEndpoint transactions;

	private final Deliveries deliveries = new Deliveries(this::signDelivery);

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicLong lastDeliveryTimestamp = new AtomicLong();

	private CoboSimulator(Builder options) throws IOException {
		this.responseSigningKey = options.responseSigningKey();
		this.log = new RequestLog(options.recordedRequestLimit);
		this.orgTokens = new TokenLedger("Org Access Token", options.orgAccessTokenLifetime,
				options.orgRefreshTokenLifetime, this.clock);
		this.permissionTokens = new TokenLedger("Permission Access Token", options.permissionAccessTokenLifetime,
				options.permissionRefreshTokenLifetime, this.clock);
		this.authenticator = new RequestAuthenticator(this.registrations, options.nonceWindow, Clock.systemUTC());
		OrgAuthorization orgs = new OrgAuthorization(this.orgTokens);
		this.transactions = new TransactionEndpoint(orgs, this.counters, this.clock);
		SimulatorHttpHandler handler = new SimulatorHttpHandler(routes(orgs), this.authenticator, this.faults,
				this.counters, this.log,
				new ResponseWriter(this.responseSigningKey, options.responseHeaderSpelling, this.clock),
				options.answerListener);
		this.server = HttpServer.create(
				new InetSocketAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }), options.port), BACKLOG);
		this.executor = Executors.newCachedThreadPool(new SimulatorThreads(this.server.getAddress().getPort()));
		this.server.setExecutor(this.executor);
		this.server.createContext("/", handler);
		if (options.adminDeliveries) {
			this.server.createContext(AdminDeliveries.PATH, new AdminDeliveries(this.deliveries));
		}
		this.server.start();
	}

	private List<Route> routes(OrgAuthorization orgs) {
		OrgTokenEndpoint orgTokenEndpoint = new OrgTokenEndpoint(this.registrations, this.orgTokens, this.counters);
		PermissionTokenEndpoint permissionTokenEndpoint = new PermissionTokenEndpoint(this.permissionTokens,
				this.counters);
		WalletEndpoint wallets = new WalletEndpoint(orgs, this.counters);
		return List.of(new Route("GET", BASE_PATH + "/oauth/token", orgTokenEndpoint::issue),
				new Route("POST", BASE_PATH + "/oauth/token", orgTokenEndpoint::refresh),
				new Route("POST", BASE_PATH + "/oauth/permission_token/exchange", permissionTokenEndpoint::exchange),
				new Route("POST", BASE_PATH + "/oauth/permission_token/refresh", permissionTokenEndpoint::refresh),
				new Route("GET", BASE_PATH + "/wallets", wallets::list),
				new Route("GET", BASE_PATH + "/wallets/{wallet_id}", wallets::get),
				new Route("POST", BASE_PATH + "/transactions/transfer", this.transactions::transfer),
				new Route("POST", BASE_PATH + "/transactions/contract_call", this.transactions::contractCall),
				new Route("POST", BASE_PATH + "/transactions/message_sign", this.transactions::messageSign),
				new Route("GET", BASE_PATH + "/transactions", this.transactions::list),
				new Route("GET", BASE_PATH + "/transactions/{transaction_id}", this.transactions::get));
	}

	/** @return a simulator with the default options, already serving */
	public static CoboSimulator start() {
		return builder().start();
	}

	/** @return options for a simulator, all at their defaults */
	public static Builder builder() {
		return new Builder();
	}

	/** @return {@code http://127.0.0.1:PORT/v2}, the base URL to give the client */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + BASE_PATH;
	}

	/** @return the port the simulator listens on */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Signs a webhook event or callback with the simulator's key, as Cobo signs its deliveries.
	 * @param body the delivery's JSON body
	 * @return the body with its signature headers, timestamped now (a millisecond later than the last
	 * delivery signed, if need be, so that two signatures of one body always differ, as Cobo's do)
	 */
	public SignedDelivery signDelivery(String body) {
		String timestamp = Long.toString(
				this.lastDeliveryTimestamp.updateAndGet((last) -> Math.max(last + 1, System.currentTimeMillis())));
		String signature = this.responseSigningKey
			.sign(CoboDigest.ofResponse(body.getBytes(StandardCharsets.UTF_8), timestamp));
		return new SignedDelivery(body, timestamp, signature);
	}

	/**
	 * Delivers a webhook event or a callback to the application, as Cobo does: a POST of the body,
	 * signed now with the simulator's key. Delivering the same body again signs it again, as Cobo's
	 * retries and an event re-sent through the API are.
	 * @param url the application's webhook or callback endpoint
	 * @param body the delivery's JSON body, e.g. from {@link #transactionEvent}
	 * @return the application's answer; status 0 when it gave none within Cobo's 2-second timeout
	 */
	public DeliveryAnswer deliver(URI url, String body) {
		if (url == null || body == null) {
			throw new IllegalArgumentException("url and body cannot be null");
		}
		return this.deliveries.deliver(url, body);
	}

	/**
	 * @param type the event type, e.g. {@code wallets.transaction.succeeded}
	 * @param orgId the org whose transaction it is
	 * @param transactionId a transaction the org created through the simulator
	 * @return a webhook event body as Cobo sends it: a new {@code event_id}, the type, the current
	 * {@code created_timestamp}, and the transaction as its {@code data} ({@code data_type}
	 * {@code Transaction}), with the status the type implies
	 * @throws IllegalArgumentException if the org has no such transaction
	 */
	public String transactionEvent(String type, String orgId, String transactionId) {
		return this.transactions.event(type, orgId, transactionId, this.clock.now().toEpochMilli());
	}

	/**
	 * @param orgId an org
	 * @return the ids of every transaction the org created, oldest first
	 */
	public List<String> transactionIds(String orgId) {
		return this.transactions.transactionIds(orgId);
	}

	/** @return the Ed25519 public key (hex) that signs every answer, to give the client as Cobo's key */
	public String responsePublicKeyHex() {
		return this.responseSigningKey.publicKeyHex();
	}

	/** @return the simulator clock's time: the wall clock plus every {@link #advanceTime(Duration)} so far */
	public Instant now() {
		return this.clock.now();
	}

	/**
	 * Moves the simulator clock forward, so tokens expire without waiting. Answers are signed at the
	 * moved time (an application that does not follow {@link #clock()} finds them that far in its
	 * future); nonces still follow the wall clock.
	 * @param amount how far; not negative
	 */
	public void advanceTime(Duration amount) {
		if (amount == null || amount.isNegative()) {
			throw new IllegalArgumentException("amount cannot be null or negative");
		}
		this.clock.advance(amount);
	}

	/**
	 * @return the simulator clock as a UTC {@link Clock}: give it to the application's token expiry,
	 * and {@link #advanceTime(Duration)} expires tokens on both sides
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Registers a Cobo Portal App, or registers it again with a new key and new orgs.
	 * @param clientId the app's client id
	 * @param appPublicKeyHex its app key: 64 hex characters (Ed25519) or 66 (secp256k1 compressed point)
	 * @param installedOrgIds the orgs that have installed it
	 * @return this simulator
	 * @throws IllegalArgumentException if the key is malformed or already registered to someone else
	 */
	public CoboSimulator registerApp(String clientId, String appPublicKeyHex, String... installedOrgIds) {
		this.registrations.registerApp(clientId, appPublicKeyHex, installedOrgIds);
		return this;
	}

	/**
	 * Installs a registered app in an org, as the org's admin approving it does.
	 * @return this simulator
	 * @throws IllegalStateException if no app has that client id
	 */
	public CoboSimulator installApp(String clientId, String orgId) {
		this.registrations.install(clientId, orgId);
		return this;
	}

	/**
	 * Uninstalls an app from an org: its Org Access Tokens and refresh tokens for that org stop working,
	 * and {@code org_implicit} for the org is refused until it is installed again.
	 * @return this simulator
	 * @throws IllegalStateException if no app has that client id
	 */
	public CoboSimulator uninstallApp(String clientId, String orgId) {
		this.registrations.uninstall(clientId, orgId);
		this.orgTokens.revoke(clientId, orgId);
		return this;
	}

	/**
	 * Registers an org's API key.
	 * @param apiPublicKeyHex the API key: 64 hex characters (Ed25519) or 66 (secp256k1 compressed point)
	 * @param orgId the org it acts for
	 * @return this simulator
	 * @throws IllegalArgumentException if the key is malformed or already registered to someone else
	 */
	public CoboSimulator registerApiKey(String apiPublicKeyHex, String orgId) {
		this.registrations.registerApiKey(apiPublicKeyHex, orgId);
		return this;
	}

	/** @return the faults scheduled for coming requests */
	public FaultSchedule faults() {
		return this.faults;
	}

	/** @return the counts of requests, grants and refusals */
	public SimulatorCounters counters() {
		return this.counters;
	}

	/** @return the last requests received (up to the builder's limit, 100 by default), oldest first */
	public List<RecordedRequest> recordedRequests() {
		return this.log.snapshot();
	}

	/** @return the last request received, or {@code null} when none has arrived */
	public RecordedRequest lastRequest() {
		return this.log.last();
	}

	/** Clears the counters and the recorded requests; registrations, tokens and faults stay. */
	public void resetCounters() {
		this.counters.reset();
		this.log.clear();
	}

	/**
	 * Forgets everything a test did: counters, recorded requests, faults, tokens, transfers, seen
	 * signatures, registrations, and the simulator clock's advance. The port and the response key stay.
	 */
	public void reset() {
		resetCounters();
		this.faults.clear();
		this.orgTokens.clear();
		this.permissionTokens.clear();
		this.transactions.clear();
		this.authenticator.clear();
		this.registrations.clear();
		this.clock.reset();
	}

	/** Stops serving and frees the port. Calling it again does nothing. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.stop(0);
			this.executor.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "CoboSimulator[" + baseUrl() + "]";
	}

	/**
	 * Options for a simulator. Every option has a default; {@link #start()} builds and starts it.
	 */
	public static final class Builder {

		private ResponseSigningKey responseSigningKey;

		private Duration nonceWindow = Duration.ofMinutes(5);

		private Duration orgAccessTokenLifetime = Duration.ofSeconds(43199);

		private Duration orgRefreshTokenLifetime = Duration.ofDays(30);

		private Duration permissionAccessTokenLifetime = Duration.ofSeconds(3600);

		private Duration permissionRefreshTokenLifetime = Duration.ofDays(7);

		private ResponseHeaderSpelling responseHeaderSpelling = ResponseHeaderSpelling.HYPHEN;

		private int recordedRequestLimit = 100;

		private int port;

		private AnswerListener answerListener = AnswerListener.NONE;

		private boolean adminDeliveries;

		private Builder() {
		}

		/**
		 * @param seedHex the Ed25519 seed (64 hex characters) that signs answers, so that
		 * {@link CoboSimulator#responsePublicKeyHex()} is known in advance; random by default
		 * @return this builder
		 * @throws IllegalArgumentException if the seed is not 64 hex characters
		 */
		public Builder responseSigningSeed(String seedHex) {
			this.responseSigningKey = ResponseSigningKey.fromSeedHex(seedHex, "responseSigningSeed");
			return this;
		}

		/**
		 * @param window how far a nonce may be from the wall clock, either way; 5 minutes by default
		 * @return this builder
		 */
		public Builder nonceWindow(Duration window) {
			this.nonceWindow = positive(window, "nonceWindow");
			return this;
		}

		/**
		 * @param lifetime how long an Org Access Token lives ({@code expires_in}); 43199 s by default
		 * @return this builder
		 */
		public Builder orgAccessTokenLifetime(Duration lifetime) {
			this.orgAccessTokenLifetime = positive(lifetime, "orgAccessTokenLifetime");
			return this;
		}

		/**
		 * @param lifetime how long an Org Access Token's refresh token lives; 30 days by default
		 * @return this builder
		 */
		public Builder orgRefreshTokenLifetime(Duration lifetime) {
			this.orgRefreshTokenLifetime = positive(lifetime, "orgRefreshTokenLifetime");
			return this;
		}

		/**
		 * @param lifetime how long a Permission Access Token lives ({@code expires_in}); 3600 s by default
		 * @return this builder
		 */
		public Builder permissionAccessTokenLifetime(Duration lifetime) {
			this.permissionAccessTokenLifetime = positive(lifetime, "permissionAccessTokenLifetime");
			return this;
		}

		/**
		 * @param lifetime how long a Permission Access Token's refresh token lives; 7 days by default
		 * @return this builder
		 */
		public Builder permissionRefreshTokenLifetime(Duration lifetime) {
			this.permissionRefreshTokenLifetime = positive(lifetime, "permissionRefreshTokenLifetime");
			return this;
		}

		/**
		 * @param spelling how the response-signature headers are spelled; {@link ResponseHeaderSpelling#HYPHEN} by default
		 * @return this builder
		 */
		public Builder responseHeaderSpelling(ResponseHeaderSpelling spelling) {
			if (spelling == null) {
				throw new IllegalArgumentException("responseHeaderSpelling cannot be null");
			}
			this.responseHeaderSpelling = spelling;
			return this;
		}

		/**
		 * @param limit how many of the last requests {@link CoboSimulator#recordedRequests()} keeps; 100 by default
		 * @return this builder
		 */
		public Builder recordedRequestLimit(int limit) {
			if (limit < 1) {
				throw new IllegalArgumentException("recordedRequestLimit must be at least 1, was " + limit);
			}
			this.recordedRequestLimit = limit;
			return this;
		}

		/**
		 * For the standalone simulator, which listens where its user says; tests take a free port.
		 * @param port the port to listen on; 0, the default, for a free one
		 * @return this builder
		 */
		Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * For the standalone simulator, which logs every request.
		 * @param listener told of every request once its answer is decided, before it is sent
		 * @return this builder
		 */
		Builder answerListener(AnswerListener listener) {
			if (listener == null) {
				throw new IllegalArgumentException("answerListener cannot be null");
			}
			this.answerListener = listener;
			return this;
		}

		/**
		 * For the standalone simulator, whose user delivers events through it.
		 * @return this builder, for a simulator that serves {@code POST /admin/deliveries}
		 */
		Builder adminDeliveries() {
			this.adminDeliveries = true;
			return this;
		}

		/**
		 * @return a simulator with these options, already serving
		 * @throws UncheckedIOException if the port cannot be opened
		 */
		public CoboSimulator start() {
			try {
				return new CoboSimulator(this);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the Cobo simulator", ex);
			}
		}

		private ResponseSigningKey responseSigningKey() {
			return (this.responseSigningKey != null) ? this.responseSigningKey : ResponseSigningKey.random();
		}

		private static Duration positive(Duration value, String name) {
			if (value == null || value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + value);
			}
			return value;
		}

	}

	/** Daemon threads named after the port, so a thread dump tells which simulator they serve. */
	private static final class SimulatorThreads implements ThreadFactory {

		private final String prefix;

		private final AtomicInteger count = new AtomicInteger();

		SimulatorThreads(int port) {
			this.prefix = "cobo-simulator-" + port + "-";
		}

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, this.prefix + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
