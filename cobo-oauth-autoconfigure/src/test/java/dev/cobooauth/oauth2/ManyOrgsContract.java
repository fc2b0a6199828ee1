package dev.cobooauth.oauth2;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cobooauth.autoconfigure.CoboTokensBuilderCustomizer;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Portal App serving many orgs relies on, whichever client it uses: an org's slow token
 * request delays no other org, a background task the executor refuses leaves no flight behind,
 * and token requests to Cobo are bounded per instance. Each stack's test supplies how to make a
 * call.
 */
public abstract class ManyOrgsContract {

	@StartStop
	protected final MockWebServer server = new MockWebServer();

	protected final MutableClock clock = MutableClock.startingNow();

	private final Cobo cobo = new Cobo();

	private final RefusingExecutor executor = new RefusingExecutor();

	/**
	 * @param context the application
	 * @param org the org to act for
	 * @return the bearer token Cobo saw
	 */
	protected abstract String get(ApplicationContext context, String org);

	@AfterEach
	void releaseHungRequests() {
		this.cobo.release.countDown();
	}

	private ApplicationContextRunner runner() {
		this.server.setDispatcher(this.cobo);
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withBean("coboTaskExecutor", AsyncTaskExecutor.class, () -> this.executor)
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.token.retry.max-attempts=1",
					"cobo.token.acquire-timeout=2s", SignedResponses.MOVED_CLOCK_TOLERANCE);
	}

	/** @return an org whose lock shared a stripe with {@code org-slow}'s when locks were striped by hash */
	private static String orgSharingAStripeWith(String org) {
		int stripe = Math.floorMod(new TokenFlights.Key("cobo", org).hashCode(), 64);
		for (int i = 0;; i++) {
			String other = "org-" + i;
			if (!other.equals(org) && Math.floorMod(new TokenFlights.Key("cobo", other).hashCode(), 64) == stripe) {
				return other;
			}
		}
	}

	// --- item: per-org isolation ------------------------------------------------------------

	@Test
	void aHangingTokenRequestOfOneOrgDelaysNoCallOfAnother() {
		String neighbour = orgSharingAStripeWith("org-slow");
		runner().run((context) -> {
			CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> get(context, "org-slow"));
			this.cobo.awaitHung();

			long started = System.nanoTime();
			assertThat(get(context, neighbour)).startsWith("Bearer AT-");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

			this.cobo.release.countDown();
			assertThat(slow.join()).startsWith("Bearer AT-");
		});
	}

	// --- item: no stuck flights ---------------------------------------------------------------

	@Test
	void aTokenInsideItsMarginIsServedWhenTheExecutorRefusesItsRefresh() {
		runner().run((context) -> {
			String first = get(context, "org-1");
			this.clock.advance(Duration.ofSeconds(43199 - 59));
			this.executor.refusing.set(true);

			assertThat(get(context, "org-1")).isEqualTo(first);
		});
	}

	@Test
	void theCallAfterARefusedRefreshAsksCoboAgain() {
		runner().run((context) -> {
			String first = get(context, "org-1");
			this.clock.advance(Duration.ofSeconds(43199 - 59));
			this.executor.refusing.set(true);
			try {
				get(context, "org-1");
			}
			catch (RuntimeException ignored) {
				// Before the fix, the call itself failed; what matters here is the next one.
			}
			this.executor.refusing.set(false);
			this.clock.advance(Duration.ofSeconds(59));

			long started = System.nanoTime();
			assertThat(get(context, "org-1")).isNotEqualTo(first).startsWith("Bearer AT-");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		});
	}

	@Test
	void aFirstCallWhoseTokenRequestTheExecutorRefusesFailsAtOnceAndTheNextOneTriesAgain() {
		runner().run((context) -> {
			this.executor.refusing.set(true);
			long started = System.nanoTime();
			try {
				get(context, "org-1");
			}
			catch (RuntimeException refused) {
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
			}
			this.executor.refusing.set(false);

			assertThat(get(context, "org-1")).startsWith("Bearer AT-");
		});
	}

	// --- item: bounded token requests ----------------------------------------------------------

	@Test
	void asksCoboForAtMostFourTokensAtOnce() throws InterruptedException {
		this.cobo.tokenDelay = Duration.ofMillis(150);
		runner().run((context) -> {
			List<String> orgs = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				orgs.add("org-" + i);
			}
			AtomicInteger next = new AtomicInteger();
			List<Object> outcomes = ConcurrentCalls.run(20, () -> get(context, orgs.get(next.getAndIncrement())));

			assertThat(outcomes).allMatch((outcome) -> outcome instanceof String bearer && bearer.startsWith("Bearer"));
			assertThat(this.cobo.mostTokenRequestsAtOnce.get()).isEqualTo(4);
		});
	}

	@Test
	void tokensObtainedTogetherComeDueAtPointsSpreadOverTheirMargin() {
		runner().withBean(CoboTokensBuilderCustomizer.class,
				() -> (builder) -> builder.refreshSpread(new SplittableRandom(20)))
			.run((context) -> {
				for (int i = 0; i < 20; i++) {
					get(context, "org-" + i);
				}
				// 90 s left: half-way through the window of refresh points of a 60 s clock skew.
				this.clock.advance(Duration.ofSeconds(43199 - 90));
				for (int i = 0; i < 20; i++) {
					get(context, "org-" + i);
				}
				Thread.sleep(500);
				int dueAlready = this.cobo.tokens.get() - 20;

				assertThat(dueAlready).isBetween(4, 16);
			});
	}

	/**
	 * A Cobo whose token requests for {@code org-slow} hang until released, and whose WaaS calls
	 * answer with the bearer token they carried.
	 */
	private static final class Cobo extends Dispatcher {

		final CountDownLatch release = new CountDownLatch(1);

		private final CountDownLatch hung = new CountDownLatch(1);

		final AtomicInteger tokens = new AtomicInteger();

		private final AtomicInteger tokenRequestsNow = new AtomicInteger();

		final AtomicInteger mostTokenRequestsAtOnce = new AtomicInteger();

		volatile Duration tokenDelay = Duration.ZERO;

		@Override
		public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
			if (!request.getTarget().startsWith("/v2/oauth/token")) {
				return SignedResponses.signed(200, "\"" + request.getHeaders().get("Authorization") + "\"");
			}
			int now = this.tokenRequestsNow.incrementAndGet();
			this.mostTokenRequestsAtOnce.accumulateAndGet(now, Math::max);
			try {
				if (request.getTarget().contains("org_id=org-slow")) {
					this.hung.countDown();
					this.release.await(5, TimeUnit.SECONDS);
				}
				Thread.sleep(this.tokenDelay.toMillis());
				int n = this.tokens.incrementAndGet();
				return TokenResponses.orgToken("AT-" + n, "RT-" + n);
			}
			finally {
				this.tokenRequestsNow.decrementAndGet();
			}
		}

		void awaitHung() throws InterruptedException {
			assertThat(this.hung.await(5, TimeUnit.SECONDS)).isTrue();
		}

	}

	/**
	 * The application's executor with a bounded queue that is full: it refuses every task while
	 * {@link #refusing} is set.
	 */
	private static final class RefusingExecutor extends SimpleAsyncTaskExecutor implements Executor {

		final AtomicBoolean refusing = new AtomicBoolean();

		RefusingExecutor() {
			super("cobo-test-");
		}

		@Override
		public void execute(Runnable task) {
			if (this.refusing.get()) {
				throw new RejectedExecutionException("queue full");
			}
			super.execute(task);
		}

	}

}
