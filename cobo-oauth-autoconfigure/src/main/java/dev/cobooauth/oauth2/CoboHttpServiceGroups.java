package dev.cobooauth.oauth2;

/**
 * The HTTP service group the starter configures. Declare interfaces in it to have them authorized
 * like {@code coboRestClient}:
 * <pre>
 * &#64;ImportHttpServices(group = CoboHttpServiceGroups.COBO, types = WalletsApi.class)
 * </pre>
 */
public final class CoboHttpServiceGroups {

	/** The name of the group. */
	public static final String COBO = "cobo";

	private CoboHttpServiceGroups() {
	}

}
