package dev.cobooauth.oauth2;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive face of the one token engine never costs a reactive caller a thread: a cached token
 * is emitted on the subscriber's own thread, with no scheduler hop, and a caller that must wait for
 * Cobo is not blocked while it waits.
 */
class ReactiveTokenThreadsTest {

	@StartStop
	final MockWebServer server = new MockWebServer();

	final MutableClock clock = MutableClock.startingNow();

	private final CountDownLatch coboMayAnswer = new CountDownLatch(1);

	private ApplicationContextRunner runner() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				ReactiveTokenThreadsTest.this.coboMayAnswer.await(10, TimeUnit.SECONDS);
				return TokenResponses.orgToken("AT-0", "RT");
			}
		});
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET);
	}

	@Test
	void emitsACachedTokenOnTheSubscribersThread() {
		this.coboMayAnswer.countDown();
		runner().run((context) -> {
			ReactiveCoboOrgAccessTokens tokens = context.getBean(ReactiveCoboOrgAccessTokens.class);
			tokens.getAccessToken("org-1").block(Duration.ofSeconds(5));

			Thread caller = Thread.currentThread();
			AtomicReference<Thread> emittedOn = new AtomicReference<>();
			tokens.getAccessToken("org-1").doOnNext((token) -> emittedOn.set(Thread.currentThread())).subscribe();

			assertThat(emittedOn.get()).isSameAs(caller);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void doesNotBlockTheSubscriberWhileCoboHasNotAnswered() {
		runner().run((context) -> {
			ReactiveCoboOrgAccessTokens tokens = context.getBean(ReactiveCoboOrgAccessTokens.class);
			Mono<OAuth2AccessToken> token = tokens.getAccessToken("org-1");
			AtomicReference<OAuth2AccessToken> received = new AtomicReference<>();
			CountDownLatch arrived = new CountDownLatch(1);

			// Cobo answers only once the subscription has returned: a subscriber blocked until the
			// token arrives would never get here.
			token.subscribe((value) -> {
				received.set(value);
				arrived.countDown();
			});
			assertThat(received.get()).isNull();
			this.coboMayAnswer.countDown();

			assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(received.get().getTokenValue()).isEqualTo("AT-0");
		});
	}

	@Test
	void aTokenCachedByTheBlockingFaceServesTheReactiveOne() {
		this.coboMayAnswer.countDown();
		runner().run((context) -> {
			OAuth2AccessToken blocking = context.getBean(CoboOrgAccessTokens.class).getAccessToken("org-1");
			OAuth2AccessToken reactive = context.getBean(ReactiveCoboOrgAccessTokens.class)
				.getAccessToken("org-1")
				.block(Duration.ofSeconds(5));

			assertThat(reactive.getTokenValue()).isEqualTo(blocking.getTokenValue());
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

}
