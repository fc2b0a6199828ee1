package dev.cobooauth.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration under {@code cobo.webhook.*}: how the application checks the webhook events and
 * callback messages Cobo signs and sends it.
 */
@ConfigurationProperties("cobo.webhook")
public class CoboWebhookProperties {

	/**
	 * Whether @VerifiedCoboDelivery handler parameters are verified by the starter.
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
	private String publicKey;

	/**
	 * How many recent deliveries are remembered to refuse replays; beyond it the oldest are forgotten.
	 */
	private int replayCacheSize = 10_000;

	/**
	 * Largest delivery body read; a larger one is refused with 413 before it is read to the end.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

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

	public String getPublicKey() {
		return this.publicKey;
	}

	public void setPublicKey(String publicKey) {
		this.publicKey = publicKey;
	}

	public int getReplayCacheSize() {
		return this.replayCacheSize;
	}

	public void setReplayCacheSize(int replayCacheSize) {
		this.replayCacheSize = replayCacheSize;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

}
