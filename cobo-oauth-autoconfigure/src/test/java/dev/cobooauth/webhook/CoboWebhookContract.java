package dev.cobooauth.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cobooauth.signing.CoboDelivery;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.ResponseDigest;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Portal App relies on when Cobo calls it back, on either stack: a handler with a
 * {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameter runs only for a delivery Cobo
 * signed, recently, once; anything else gets {@code 401 application/problem+json} saying why. Each
 * stack's test supplies the application and how to post to it.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class CoboWebhookContract {

	static final String EVENT = "{\"event_type\":\"app.installed\",\"org_id\":\"org-42\"}";

	/**
	 * @param properties extra properties of the application
	 * @param test what to do with it
	 */
	protected abstract void withApplication(String[] properties, ApplicationTest test);

	/**
	 * @param context the running application
	 * @param path where to post
	 * @param headers the request headers
	 * @param body the body
	 * @return the answer
	 */
	/**
	 * @param test what to do with an application whose webhook auto-configuration is excluded
	 */
	protected abstract void withApplicationExcludingWebhooks(ApplicationTest test);

	protected abstract Answer post(ApplicationContext context, String path, Map<String, String> headers, String body);

	/** A test run against one application. */
	@FunctionalInterface
	public interface ApplicationTest {

		void accept(ApplicationContext context);

	}

	/**
	 * What the application answered.
	 *
	 * @param status the status
	 * @param contentType the content type, or null
	 * @param body the body
	 */
	public record Answer(int status, String contentType, String body) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(this.body);
		}

	}

	/** The Cobo event a test handler receives. */
	public record AppEvent(@JsonProperty("event_type") String eventType, @JsonProperty("org_id") String orgId) {
	}

	/** Handlers of Cobo's deliveries, and what they received. */
	@RestController
	public static class Callbacks {

		public final List<Object> received = new CopyOnWriteArrayList<>();

		@PostMapping("/cobo/events")
		public String event(@VerifiedCoboDelivery AppEvent event) {
			this.received.add(event);
			return "ok";
		}

		@PostMapping("/cobo/raw")
		public String raw(@VerifiedCoboDelivery CoboDelivery delivery) {
			this.received.add(delivery);
			return delivery.bodyAsString() + "@" + delivery.timestamp().toEpochMilli();
		}

	}

	protected static final String[] COBO = { "cobo.webhook.public-key=" + TestKeys.coboPublicKey() };

	private static Map<String, String> signedBy(CoboSigner key, String body, long timestamp, String timestampHeader,
			String signatureHeader) {
		String time = Long.toString(timestamp);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put(timestampHeader, time);
		headers.put(signatureHeader, key.sign(ResponseDigest.of(body.getBytes(StandardCharsets.UTF_8), time)));
		return headers;
	}

	static Map<String, String> signed(String body, long timestamp) {
		return signedBy(TestKeys.cobo(), body, timestamp, "BIZ-TIMESTAMP", "BIZ-RESP-SIGNATURE");
	}

	private static long now() {
		return System.currentTimeMillis();
	}

	/** Every refusal looks the same to the sender: which check failed goes only to the log. */
	static void assertRefused(Answer answer, int status) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("status").asInt()).isEqualTo(status);
		assertThat(answer.json().get("title").asString()).isEqualTo("Unverified Cobo delivery");
		assertThat(answer.json().get("detail").asString()).startsWith("The delivery was not accepted");
		assertThat(answer.json().has("reason")).isFalse();
		assertThat(answer.json().get("instance").asString()).startsWith("/cobo/");
	}

	static Callbacks callbacks(ApplicationContext context) {
		return context.getBean(Callbacks.class);
	}

	@Test
	void handsADeliveryCoboSignedToTheHandler() {
		withApplication(COBO, (context) -> {
			Answer answer = post(context, "/cobo/events", signed(EVENT, now()), EVENT);

			assertThat(answer.status()).isEqualTo(200);
			assertThat(callbacks(context).received).containsExactly(new AppEvent("app.installed", "org-42"));
		});
	}

	@Test
	void acceptsTheUnderscoreSpellingInAnyCase() {
		withApplication(COBO, (context) -> {
			Answer answer = post(context, "/cobo/events",
					signedBy(TestKeys.cobo(), EVENT, now(), "biz_timestamp", "Biz_Resp_Signature"), EVENT);

			assertThat(answer.status()).isEqualTo(200);
			assertThat(callbacks(context).received).hasSize(1);
		});
	}

	@Test
	void handsTheRawBodyAndTimestampToADeliveryParameter() {
		withApplication(COBO, (context) -> {
			long sentAt = now();
			Answer answer = post(context, "/cobo/raw", signed(EVENT, sentAt), EVENT);

			assertThat(answer.body()).isEqualTo(EVENT + "@" + sentAt);
		});
	}

	@Test
	void refusesATamperedBody() {
		withApplication(COBO, (context) -> {
			String tampered = EVENT.replace("org-42", "org-43");
			assertRefused(post(context, "/cobo/events", signed(EVENT, now()), tampered), 401);
			assertThat(callbacks(context).received).isEmpty();
		});
	}

	@Test
	void refusesADeliverySignedByAnotherKey() {
		withApplication(COBO, (context) -> {
			Map<String, String> headers = signedBy(TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519), EVENT, now(),
					"BIZ-TIMESTAMP", "BIZ-RESP-SIGNATURE");
			assertRefused(post(context, "/cobo/events", headers, EVENT), 401);
			assertThat(callbacks(context).received).isEmpty();
		});
	}

	@Test
	void refusesAnUnsignedDelivery() {
		withApplication(COBO, (context) -> {
			assertRefused(post(context, "/cobo/events", Map.of("Content-Type", "application/json"), EVENT), 401);
			assertThat(callbacks(context).received).isEmpty();
		});
	}

	@Test
	void refusesAStaleDelivery() {
		withApplication(COBO, (context) -> {
			long sixMinutesAgo = now() - Duration.ofMinutes(6).toMillis();
			assertRefused(post(context, "/cobo/events", signed(EVENT, sixMinutesAgo), EVENT), 401);
			assertThat(callbacks(context).received).isEmpty();
		});
	}

	@Test
	void refusesADeliveryFromTheFuture() {
		withApplication(COBO, (context) -> {
			long inSixMinutes = now() + Duration.ofMinutes(6).toMillis();
			assertRefused(post(context, "/cobo/events", signed(EVENT, inSixMinutes), EVENT), 401);
		});
	}

	@Test
	void refusesAMalformedTimestamp() {
		withApplication(COBO, (context) -> {
			Map<String, String> headers = signed(EVENT, now());
			headers.put("BIZ-TIMESTAMP", "yesterday");
			assertRefused(post(context, "/cobo/events", headers, EVENT), 401);
		});
	}

	@Test
	void refusesAReplayedDeliveryWhateverTheSpellingOfItsHeaders() {
		withApplication(COBO, (context) -> {
			long sentAt = now();
			assertThat(post(context, "/cobo/events", signed(EVENT, sentAt), EVENT).status()).isEqualTo(200);

			assertRefused(post(context, "/cobo/events", signed(EVENT, sentAt), EVENT), 401);
			assertRefused(post(context, "/cobo/events",
					signedBy(TestKeys.cobo(), EVENT, sentAt, "BIZ_TIMESTAMP", "BIZ_RESP_SIGNATURE"), EVENT), 401);
			assertThat(callbacks(context).received).hasSize(1);
		});
	}

	@Test
	void acceptsTheSameEventSentAgainWithANewTimestamp() {
		withApplication(COBO, (context) -> {
			assertThat(post(context, "/cobo/events", signed(EVENT, now() - 1000), EVENT).status()).isEqualTo(200);
			assertThat(post(context, "/cobo/events", signed(EVENT, now()), EVENT).status()).isEqualTo(200);
		});
	}

	@Test
	void honoursTheConfiguredTolerance() {
		String[] properties = { COBO[0], "cobo.webhook.tolerance=1m" };
		withApplication(properties, (context) -> {
			long twoMinutesAgo = now() - Duration.ofMinutes(2).toMillis();
			assertRefused(post(context, "/cobo/events", signed(EVENT, twoMinutesAgo), EVENT), 401);
		});
	}

	@Test
	void refusesABodyOverTheLimitWithoutReadingIt() {
		String[] properties = { COBO[0], "cobo.webhook.max-body-size=16B" };
		withApplication(properties, (context) -> {
			assertRefused(post(context, "/cobo/events", signed(EVENT, now()), EVENT), 413);
			assertThat(callbacks(context).received).isEmpty();
		});
	}

	@Test
	void neverBindsADeliveryFromQueryParametersWhenWebhooksAreTurnedOff(CapturedOutput output) {
		withApplication(new String[] { "cobo.webhook.enabled=false" }, (context) -> {
			assertThat(output).contains("WARN").contains("cobo.webhook.enabled").contains("@VerifiedCoboDelivery");

			Answer answer = post(context, "/cobo/events?event_type=app_installed&org_id=org-1",
					Map.of("Content-Type", "application/json"), "");

			assertRefused(answer, 503);
			assertThat(callbacks(context).received).isEmpty();
		});
	}

	@Test
	void neverBindsADeliveryWhenTheWebhookAutoConfigurationIsExcluded(CapturedOutput output) {
		withApplicationExcludingWebhooks((context) -> {
			assertThat(output).contains("cobo.webhook.enabled");
			String event = "{\"event_type\":\"app_installed\",\"org_id\":\"org-1\"}";

			assertRefused(post(context, "/cobo/events", signed(event, now()), event), 503);
			assertRefused(post(context, "/cobo/raw?body=x", Map.of(), ""), 503);
			assertThat(callbacks(context).received).isEmpty();
		});
	}

	@Test
	void answersABodyThatIsNotTheDeclaredTypeWith400() {
		withApplication(COBO, (context) -> {
			String notJson = "not json";
			assertThat(post(context, "/cobo/events", signed(notJson, now()), notJson).status()).isEqualTo(400);
			assertThat(callbacks(context).received).isEmpty();
		});
	}

}
