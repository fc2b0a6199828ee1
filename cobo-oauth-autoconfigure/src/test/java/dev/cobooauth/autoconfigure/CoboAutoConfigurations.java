package dev.cobooauth.autoconfigure;

/**
 * The starter's auto-configurations, for tests of other packages: they are package-private, as
 * Spring Boot loads them by name.
 */
public final class CoboAutoConfigurations {

	public static final Class<?> SIGNING = CoboSigningAutoConfiguration.class;

	public static final Class<?> API_KEY_CLIENTS = CoboApiKeyClientsAutoConfiguration.class;

	public static final Class<?> ORG_ACCESS_TOKENS = CoboOrgAccessTokenAutoConfiguration.class;

	public static final Class<?> PERMISSION_TOKENS = CoboPermissionTokenAutoConfiguration.class;

	public static final Class<?> METRICS = CoboMetricsAutoConfiguration.class;

	public static final Class<?> ACTUATOR = CoboActuatorAutoConfiguration.class;

	public static final Class<?> DELIVERY_VERIFIER = CoboDeliveryVerifierAutoConfiguration.class;

	public static final Class<?> HANDLED_EVENTS = CoboHandledEventsAutoConfiguration.class;

	private CoboAutoConfigurations() {
	}

}
