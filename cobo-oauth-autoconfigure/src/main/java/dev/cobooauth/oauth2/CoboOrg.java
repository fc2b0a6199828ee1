package dev.cobooauth.oauth2;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Names the organization a request acts for. Works the same on both clients:
 * <pre>
 * coboRestClient.get().uri("/wallets").attributes(CoboOrg.id(orgId)).retrieve()...
 * coboWebClient.get().uri("/wallets").attributes(CoboOrg.id(orgId)).retrieve()...
 * </pre>
 * A request that names none acts for {@code cobo.app.default-org}, if set.
 */
public final class CoboOrg {

	/** The request attribute holding the org id. */
	public static final String ATTRIBUTE = CoboOrg.class.getName() + ".id";

	private CoboOrg() {
	}

	/**
	 * @param orgId the organization's id, as Cobo delivered it when the org installed the app
	 * @return a consumer that puts it into a request's attributes
	 */
	public static Consumer<Map<String, Object>> id(String orgId) {
		if (orgId == null || orgId.isBlank()) {
			throw new IllegalArgumentException("orgId cannot be empty");
		}
		return (attributes) -> attributes.put(ATTRIBUTE, orgId);
	}

}
