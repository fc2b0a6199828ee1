package dev.cobooauth.webhook;

/**
 * The webhook auto-configuration, for tests of other packages: it is package-private, as Spring
 * Boot loads it by name.
 */
public final class WebhookAutoConfigurations {

	public static final Class<?> WEBHOOKS = CoboWebhookAutoConfiguration.class;

	private WebhookAutoConfigurations() {
	}

}
