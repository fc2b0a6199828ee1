package dev.cobooauth.oauth2;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Names the organization a request acts for. Works the same on both clients:
 * <pre>
 * coboRestClient.get().uri("/wallets").attributes(CoboOrg.id(orgId)).retrieve()...
 * coboWebClient.get().uri("/wallets").attributes(CoboOrg.id(orgId)).retrieve()...
 * </pre>
 * A request that names none acts for {@code cobo.app.default-org}, if set; one whose attribute is
 * blank or not a {@code String} fails with an {@link InvalidCoboOrgException} before it is sent.
 */
public final class CoboOrg {

	/** The request attribute holding the org id. */
	public static final String ATTRIBUTE = CoboOrg.class.getName() + ".id";

	private CoboOrg() {
	}

	/**
	 * @param orgId the organization's id, as Cobo delivered it when the org installed the app
	 * @return a consumer that puts it into a request's attributes
	 * @throws InvalidCoboOrgException if it is {@code null}, empty or whitespace only
	 */
	public static Consumer<Map<String, Object>> id(String orgId) {
		if (orgId == null || orgId.isBlank()) {
			throw new InvalidCoboOrgException("orgId", orgId);
		}
		return (attributes) -> attributes.put(ATTRIBUTE, orgId);
	}

}
