package dev.cobooauth.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.oauth2.CoboOrg;
import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.Rejection;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token lifecycle of a real application under load, against the simulator, which rotates
 * refresh tokens, refuses a spent one, and refuses any replayed request.
 * <p>
 * The simulator's HTTP server (the JDK's) keeps at most 200 idle keep-alive connections and closes
 * any further one as its response ends, while the clients' pools (Reactor Netty's, up to 500
 * connections for the WebClient) still count it as reusable: a burst of 1,000 meets connections
 * closed under it, as Cobo's load balancers close idle ones. Such a GET got no response and is sent
 * once more by the starter, newly signed; the bursts below prove it, with every call accepted and
 * the simulator seeing each request exactly once.
 */
@SpringBootTest(classes = TokenLifecycleUnderLoadTest.App.class)
@AutoConfigureCoboSimulator(orgIds = { "org-rest-fresh", "org-web-fresh", "org-rest-expiry", "org-web-expiry" })
class TokenLifecycleUnderLoadTest {

	private static final SteppingClock CLOCK = new SteppingClock();

	@Autowired
	private CoboSimulator cobo;

	@Autowired
	@Qualifier("coboRestClient")
	private RestClient coboRestClient;

	@Autowired
	@Qualifier("coboWebClient")
	private WebClient coboWebClient;

	@Autowired
	@Qualifier("coboApiKeyRestClient")
	private RestClient coboApiKeyRestClient;

	@Autowired
	@Qualifier("coboApiKeyWebClient")
	private WebClient coboApiKeyWebClient;

	@Test
	void aThousandConcurrentIdenticalRequestsAreAllAcceptedByAServerThatRefusesReplays() throws Exception {
		long before = this.cobo.counters().endpoint("GET /v2/wallets");

		List<Object> outcomes = concurrently(1000,
				() -> this.coboApiKeyRestClient.get().uri("/wallets?limit=1").retrieve().toBodilessEntity().getStatusCode().value());

		assertThat(outcomes).allMatch((outcome) -> Integer.valueOf(200).equals(outcome));
		assertThat(this.cobo.counters().rejections(Rejection.REPLAYED_REQUEST)).isZero();
		assertThat(this.cobo.counters().endpoint("GET /v2/wallets") - before).isEqualTo(1000);
	}

	@Test
	void aThousandConcurrentIdenticalWebClientRequestsAreAllAccepted() throws Exception {
		long before = this.cobo.counters().endpoint("GET /v2/wallets");

		List<Object> outcomes = concurrently(1000, () -> this.coboApiKeyWebClient.get()
			.uri("/wallets?limit=1")
			.retrieve()
			.toBodilessEntity()
			.block()
			.getStatusCode()
			.value());

		assertThat(outcomes).allMatch((outcome) -> Integer.valueOf(200).equals(outcome));
		assertThat(this.cobo.counters().rejections(Rejection.REPLAYED_REQUEST)).isZero();
		assertThat(this.cobo.counters().endpoint("GET /v2/wallets") - before).isEqualTo(1000);
	}

	@Test
	void twoHundredConcurrentRestClientCallsForAFreshOrgAskForOneToken() throws Exception {
		long grants = this.cobo.counters().grant(Grant.ORG_IMPLICIT);

		List<Object> outcomes = concurrently(200, () -> restGet("org-rest-fresh"));

		assertThat(outcomes).allMatch((outcome) -> outcome instanceof String);
		assertThat(this.cobo.counters().grant(Grant.ORG_IMPLICIT) - grants).isEqualTo(1);
		assertThat(this.cobo.counters().org("org-rest-fresh")).as("200 calls and 1 token request").isEqualTo(201);
	}

	@Test
	void twoHundredConcurrentWebClientCallsForAFreshOrgAskForOneToken() throws Exception {
		long grants = this.cobo.counters().grant(Grant.ORG_IMPLICIT);

		List<Object> outcomes = concurrently(200, () -> webGet("org-web-fresh"));

		assertThat(outcomes).allMatch((outcome) -> outcome instanceof String);
		assertThat(this.cobo.counters().grant(Grant.ORG_IMPLICIT) - grants).isEqualTo(1);
	}

	@Test
	void twoHundredConcurrentCallsOfBothStacksAtExpiryRefreshOnceWithoutInvalidGrant() throws Exception {
		restGet("org-rest-expiry");
		webGet("org-web-expiry");
		long refreshes = this.cobo.counters().grant(Grant.REFRESH_TOKEN);
		long implicit = this.cobo.counters().grant(Grant.ORG_IMPLICIT);

		this.cobo.advanceTime(Duration.ofHours(12));
		CLOCK.advance(Duration.ofHours(12));
		List<Object> outcomes = concurrently(200,
				() -> (Thread.currentThread().getId() % 2 == 0) ? restGet("org-rest-expiry") : webGet("org-rest-expiry"));

		assertThat(outcomes).allMatch((outcome) -> outcome instanceof String);
		assertThat(this.cobo.counters().grant(Grant.REFRESH_TOKEN) - refreshes).isEqualTo(1);
		assertThat(this.cobo.counters().grant(Grant.ORG_IMPLICIT) - implicit).isZero();
		assertThat(this.cobo.counters().rejections(Rejection.INVALID_GRANT)).isZero();
		assertThat(this.cobo.counters().rejections(Rejection.EXPIRED_TOKEN)).isZero();
	}

	private String restGet(String org) {
		return this.coboRestClient.get().uri("/wallets").attributes(CoboOrg.id(org)).retrieve().body(String.class);
	}

	private String webGet(String org) {
		return this.coboWebClient.get()
			.uri("/wallets")
			.attributes(CoboOrg.id(org))
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

	private static List<Object> concurrently(int count, Callable<Object> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 200));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		List<Object> outcomes = new ArrayList<>();
		for (Future<Object> future : futures) {
			try {
				outcomes.add(future.get(60, TimeUnit.SECONDS));
			}
			catch (ExecutionException ex) {
				outcomes.add(ex.getCause());
			}
		}
		pool.shutdownNow();
		return outcomes;
	}

	@SpringBootApplication
	static class App {

		@Bean
		Clock coboClock() {
			return CLOCK;
		}

	}

	/** A clock the test moves forward together with the simulator's. */
	static final class SteppingClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void advance(Duration duration) {
			this.offset = this.offset.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

}
