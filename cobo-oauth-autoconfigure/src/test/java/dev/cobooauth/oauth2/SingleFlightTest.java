package dev.cobooauth.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cobooauth.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decisions of the one token engine, with Spring Security's in-memory store and a delegate that
 * stands for Cobo: when a stored token is served as it is, served while it is refreshed, or waited
 * for; that one caller asks per org while the others share its token or its error.
 */
class SingleFlightTest {

	private static final ClientRegistration APP = CoboClientRegistrations.portalApp("app-1",
			"http://localhost/v2/oauth/token");

	private final MutableClock clock = MutableClock.startingNow();

	private final InMemoryOAuth2AuthorizedClientService store = new InMemoryOAuth2AuthorizedClientService(
			new InMemoryClientRegistrationRepository(APP));

	private final TokenExpiry expiry = new TokenExpiry(this.clock, Duration.ofSeconds(60), Duration.ofDays(30));

	private final ConcurrentLinkedQueue<Runnable> background = new ConcurrentLinkedQueue<>();

	private final ExecutorService callers = Executors.newFixedThreadPool(8);

	private final AtomicInteger requests = new AtomicInteger();

	@AfterEach
	void stopCallers() {
		this.callers.shutdownNow();
	}

	private SingleFlightOAuth2AuthorizedClientManager engine(OAuth2AuthorizedClientManager cobo, Duration acquireTimeout) {
		return new SingleFlightOAuth2AuthorizedClientManager(cobo,
				new TokenStore(this.store, TokenLock.NONE, false), new TokenFlights(), this.expiry, acquireTimeout,
				this.background::add, new RefusedPrincipals(this.clock, Duration.ofSeconds(30), 100));
	}

	/** A Cobo that answers each request with a new token of 12 hours, saving it as Spring's manager does. */
	private OAuth2AuthorizedClientManager cobo(CountDownLatch answer) {
		return (request) -> {
			await(answer);
			OAuth2AuthorizedClient client = client(request.getPrincipal().getName(),
					"AT-" + this.requests.incrementAndGet(), this.clock.instant().plus(Duration.ofHours(12)));
			this.store.saveAuthorizedClient(client, request.getPrincipal());
			return client;
		};
	}

	private static OAuth2AuthorizedClient client(String org, String token, Instant expiresAt) {
		return new OAuth2AuthorizedClient(APP, org,
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, expiresAt.minusSeconds(3600), expiresAt));
	}

	private static OAuth2AuthorizeRequest request(String org) {
		return OAuth2AuthorizeRequest.withClientRegistrationId(APP.getRegistrationId()).principal(org).build();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void store(String org, String token, Duration left) {
		OAuth2AuthorizedClient client = client(org, token, this.clock.instant().plus(left));
		this.store.saveAuthorizedClient(client, new OrgPrincipal(org));
	}

	@Test
	void servesATokenThatIsNotDueWithoutAskingCobo() {
		store("org-1", "AT-stored", Duration.ofHours(1));
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(new CountDownLatch(0)), Duration.ofSeconds(5));

		assertThat(engine.authorize(request("org-1")).getAccessToken().getTokenValue()).isEqualTo("AT-stored");
		assertThat(this.requests).hasValue(0);
		assertThat(this.background).isEmpty();
	}

	@Test
	void servesATokenInsideItsMarginWhileOneRefreshRunsInTheBackground() {
		store("org-1", "AT-stored", Duration.ofSeconds(45));
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(new CountDownLatch(0)), Duration.ofSeconds(5));

		assertThat(engine.authorize(request("org-1")).getAccessToken().getTokenValue()).isEqualTo("AT-stored");
		assertThat(engine.authorize(request("org-1")).getAccessToken().getTokenValue()).isEqualTo("AT-stored");
		assertThat(this.background).hasSize(1);
		assertThat(this.requests).hasValue(0);

		this.background.poll().run();
		assertThat(this.requests).hasValue(1);
		assertThat(engine.authorize(request("org-1")).getAccessToken().getTokenValue()).isEqualTo("AT-1");
	}

	@Test
	void letsOneOfManyCallersAskForAMissingTokenAndGivesTheOthersItsToken() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(answer), Duration.ofSeconds(5));
		List<Future<OAuth2AuthorizedClient>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			calls.add(this.callers.submit(() -> engine.authorize(request("org-1"))));
		}
		Thread.sleep(100);
		answer.countDown();

		for (Future<OAuth2AuthorizedClient> call : calls) {
			assertThat(call.get(5, TimeUnit.SECONDS).getAccessToken().getTokenValue()).isEqualTo("AT-1");
		}
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void waitsForAnExpiredToken() {
		store("org-1", "AT-stored", Duration.ofSeconds(-1));
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(new CountDownLatch(0)), Duration.ofSeconds(5));

		assertThat(engine.authorize(request("org-1")).getAccessToken().getTokenValue()).isEqualTo("AT-1");
		assertThat(this.background).isEmpty();
	}

	@Test
	void sharesTheLeadersErrorWithEveryWaiterAndTriesAgainOnTheNextCall() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		OAuth2AuthorizedClientManager failingOnce = (request) -> {
			if (calls.incrementAndGet() == 1) {
				await(answer);
				throw new OAuth2AuthorizationException(new OAuth2Error("access_denied"));
			}
			return cobo(new CountDownLatch(0)).authorize(request);
		};
		SingleFlightOAuth2AuthorizedClientManager engine = engine(failingOnce, Duration.ofSeconds(5));
		List<Future<OAuth2AuthorizedClient>> waiting = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			waiting.add(this.callers.submit(() -> engine.authorize(request("org-1"))));
		}
		Thread.sleep(100);
		answer.countDown();

		for (Future<OAuth2AuthorizedClient> call : waiting) {
			assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("[access_denied] ");
		}
		assertThat(calls).hasValue(1);
		assertThat(engine.authorize(request("org-1")).getAccessToken().getTokenValue()).isEqualTo("AT-1");
	}

	@Test
	void keepsOrgsApart() throws Exception {
		CountDownLatch org1Answers = new CountDownLatch(1);
		OAuth2AuthorizedClientManager cobo = (request) -> {
			if (request.getPrincipal().getName().equals("org-1")) {
				await(org1Answers);
			}
			return cobo(new CountDownLatch(0)).authorize(request);
		};
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo, Duration.ofSeconds(5));
		Future<OAuth2AuthorizedClient> org1 = this.callers.submit(() -> engine.authorize(request("org-1")));
		Thread.sleep(50);

		assertThat(engine.authorize(request("org-2")).getPrincipalName()).isEqualTo("org-2");
		assertThat(org1.isDone()).isFalse();
		org1Answers.countDown();
		assertThat(org1.get(5, TimeUnit.SECONDS).getPrincipalName()).isEqualTo("org-1");
	}

	@Test
	void aWaiterGivesUpAfterTheAcquireTimeoutNamingTheOrg() throws Exception {
		CountDownLatch never = new CountDownLatch(1);
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(never), Duration.ofMillis(200));
		this.callers.submit(() -> engine.authorize(request("org-1")));
		Thread.sleep(50);

		assertThatThrownBy(() -> engine.authorize(request("org-1"))).isInstanceOf(OAuth2AuthorizationException.class)
			.hasMessageContaining("temporarily_unavailable")
			.hasMessageContaining("'org-1'");
		never.countDown();
	}

	@Test
	void completesAtOnceOnTheCallersThreadForACachedTokenWithoutBlocking() {
		store("org-1", "AT-stored", Duration.ofHours(1));
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(new CountDownLatch(0)), Duration.ofSeconds(5));

		CompletableFuture<OAuth2AuthorizedClient> cached = engine.authorizeAsync(request("org-1"));

		assertThat(cached).isCompleted();
		assertThat(cached.join().getAccessToken().getTokenValue()).isEqualTo("AT-stored");
	}

	@Test
	void leavesTheTokenRequestOfANonBlockingCallerToTheExecutor() {
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(new CountDownLatch(0)), Duration.ofSeconds(5));

		CompletableFuture<OAuth2AuthorizedClient> missing = engine.authorizeAsync(request("org-1"));
		assertThat(missing).isNotDone();
		assertThat(this.requests).hasValue(0);

		this.background.poll().run();
		assertThat(missing.join().getAccessToken().getTokenValue()).isEqualTo("AT-1");
	}

	@Test
	void waitsForTheRefreshOfATokenWithLessThanHalfItsMarginLeft() {
		store("org-1", "AT-stored", Duration.ofSeconds(20));
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(new CountDownLatch(0)), Duration.ofSeconds(5));

		assertThat(engine.authorize(request("org-1")).getAccessToken().getTokenValue()).isEqualTo("AT-1");
		assertThat(this.background).isEmpty();
	}

	@Test
	void marksARejectedTokenDeadKeepingItsRefreshTokenOnlyIfItIsStillTheStoredOne() {
		OAuth2AuthorizedClient stored = new OAuth2AuthorizedClient(APP, "org-1",
				client("org-1", "AT-new", this.clock.instant().plus(Duration.ofHours(1))).getAccessToken(),
				new OAuth2RefreshToken("RT-1", this.clock.instant()));
		this.store.saveAuthorizedClient(stored, new OrgPrincipal("org-1"));
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(new CountDownLatch(0)), Duration.ofSeconds(5));

		engine.markDead(APP.getRegistrationId(), "org-1", "AT-old");
		assertThat(this.expiry.isExpired(loaded("org-1").getAccessToken())).isFalse();

		engine.markDead(APP.getRegistrationId(), "org-1", "AT-new");
		OAuth2AuthorizedClient marked = loaded("org-1");
		assertThat(this.expiry.isExpired(marked.getAccessToken())).isTrue();
		assertThat(marked.getRefreshToken().getTokenValue()).isEqualTo("RT-1");
	}

	@Test
	void waitsForANewTokenOnceTheStoredOneIsMarkedDead() {
		store("org-1", "AT-stored", Duration.ofHours(1));
		SingleFlightOAuth2AuthorizedClientManager engine = engine(cobo(new CountDownLatch(0)), Duration.ofSeconds(5));

		engine.markDead(APP.getRegistrationId(), "org-1", "AT-stored");

		assertThat(engine.authorize(request("org-1")).getAccessToken().getTokenValue()).isEqualTo("AT-1");
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void failsAtOnceWithTheSameErrorForAnOrgCoboRefusedLately() {
		AtomicInteger asked = new AtomicInteger();
		OAuth2AuthorizedClientManager refusing = (request) -> {
			asked.incrementAndGet();
			throw new ClientAuthorizationException(new OAuth2Error("unauthorized_client"), "cobo", "not installed");
		};
		SingleFlightOAuth2AuthorizedClientManager engine = engine(refusing, Duration.ofSeconds(5));

		for (int i = 0; i < 150; i++) {
			assertThatThrownBy(() -> engine.authorize(request("org-x"))).isInstanceOf(ClientAuthorizationException.class)
				.hasMessageContaining("not installed");
		}
		assertThat(engine.authorizeAsync(request("org-x"))).isCompletedExceptionally();
		assertThat(asked).hasValue(1);

		this.clock.advance(Duration.ofSeconds(31));
		assertThatThrownBy(() -> engine.authorize(request("org-x"))).isInstanceOf(ClientAuthorizationException.class);
		assertThat(asked).hasValue(2);

		engine.forgetRefusal(APP.getRegistrationId(), "org-x");
		assertThatThrownBy(() -> engine.authorize(request("org-x"))).isInstanceOf(ClientAuthorizationException.class);
		assertThat(asked).hasValue(3);
	}

	@Test
	void asksAgainAtOnceAfterATransientFailure() {
		AtomicInteger asked = new AtomicInteger();
		OAuth2AuthorizedClientManager unavailable = (request) -> {
			asked.incrementAndGet();
			throw new ClientAuthorizationException(new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE), "cobo");
		};
		SingleFlightOAuth2AuthorizedClientManager engine = engine(unavailable, Duration.ofSeconds(5));

		assertThatThrownBy(() -> engine.authorize(request("org-1"))).isInstanceOf(ClientAuthorizationException.class);
		assertThatThrownBy(() -> engine.authorize(request("org-1"))).isInstanceOf(ClientAuthorizationException.class);
		assertThat(asked).hasValue(2);
	}

	private OAuth2AuthorizedClient loaded(String org) {
		return this.store.loadAuthorizedClient(APP.getRegistrationId(), org);
	}

}
