package dev.cobooauth.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration under {@code cobo.webhook.*}: how the application checks the webhook events and
 * callback messages Cobo signs and sends it.
 * <p>
 * Spring Boot validates it when it binds it ({@link Validator}): a value that is out of range is
 * rejected, and Spring Boot's failure analysis stops the application naming the property, the value
 * given and the values accepted.
 */
@ConfigurationProperties("cobo.webhook")
public class CoboWebhookProperties implements Validator {

	/**
	 * Whether @VerifiedCoboDelivery handler parameters are verified by the starter. When false, every
	 * delivery to such a parameter is refused with 503 and its handler is not called.
	 */
	private boolean enabled = true;

	/**
	 * How far a delivery's BIZ-TIMESTAMP may be from now, in the past or the future. Older or later
	 * deliveries are refused, and a delivery seen within this window is refused as a replay.
	 */
	private Duration tolerance = Duration.ofMinutes(5);

	/**
	 * Ed25519 public key (64 hex characters) that signs the deliveries. Defaults to
	 * cobo.response-verification.public-key if set, else to the key of cobo.env.
	 */
	private @Nullable String publicKey;

	/**
	 * How many recent deliveries are remembered in memory to refuse replays. None is forgotten while it
	 * could still pass the age check: when that many are, a new delivery is refused with 503. With
	 * cobo.token-store.type=jdbc they are remembered in the database instead (table
	 * cobo_webhook_delivery), for every instance, and this is not used.
	 */
	private int replayCacheSize = 10_000;

	/**
	 * Largest delivery body read; a larger one is refused with 413 before it is read to the end.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

	/**
	 * How long a handled webhook event (a @VerifiedCoboDelivery CoboEvent) is remembered by its event_id,
	 * so that a later delivery of it is acknowledged without running the handler again. In memory, or
	 * with cobo.token-store.type=jdbc in table cobo_webhook_event, for every instance.
	 */
	private Duration eventRetention = Duration.ofDays(7);

	/**
	 * How long a CoboApprovalHandler may take to decide a transaction-approval callback; a later
	 * decision, like a failure, answers deny.
	 */
	private Duration callbackTimeout = Duration.ofSeconds(2);

	/**
	 * Path of the endpoint that answers Cobo's transaction-approval callbacks with ok or deny, when the
	 * application has a CoboApprovalHandler bean.
	 */
	private String callbackPath = "/cobo/callbacks/approval";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getTolerance() {
		return this.tolerance;
	}

	public void setTolerance(Duration tolerance) {
		this.tolerance = tolerance;
	}

	public @Nullable String getPublicKey() {
		return this.publicKey;
	}

	public void setPublicKey(@Nullable String publicKey) {
		this.publicKey = publicKey;
	}

	public int getReplayCacheSize() {
		return this.replayCacheSize;
	}

	public void setReplayCacheSize(int replayCacheSize) {
		this.replayCacheSize = replayCacheSize;
	}

	public Duration getCallbackTimeout() {
		return this.callbackTimeout;
	}

	public void setCallbackTimeout(Duration callbackTimeout) {
		this.callbackTimeout = callbackTimeout;
	}

	public String getCallbackPath() {
		return this.callbackPath;
	}

	public void setCallbackPath(String callbackPath) {
		this.callbackPath = callbackPath;
	}

	public Duration getEventRetention() {
		return this.eventRetention;
	}

	public void setEventRetention(Duration eventRetention) {
		this.eventRetention = eventRetention;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	/**
	 * @param type a type Spring Boot binds, asked for each object it binds, nested ones too
	 * @return whether it is these properties, so that they are checked once, as a whole
	 */
	@Override
	public boolean supports(Class<?> type) {
		return CoboWebhookProperties.class.isAssignableFrom(type);
	}

	/**
	 * Checks every value, when Spring Boot binds {@code cobo.webhook.*}, and rejects each one that
	 * is wrong with a message naming the property and the values accepted.
	 * @param target the properties to check
	 * @param errors where each value that is wrong is rejected
	 */
	@Override
	public void validate(Object target, Errors errors) {
		CoboPropertiesValidator.validate((CoboWebhookProperties) target, errors);
	}

}
