package dev.cobooauth.oauth2;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The organization a call acts for, as the principal Spring Security's
 * {@code OAuth2ClientHttpRequestInterceptor} authorizes: its name is the org id, so each org's token
 * is stored and looked up under the org. It grants nothing and is never put in a security context.
 */
final class OrgPrincipal extends AbstractAuthenticationToken {

	private final String orgId;

	OrgPrincipal(String orgId) {
		super(List.of());
		this.orgId = orgId;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.orgId;
	}

	@Override
	public String getName() {
		return this.orgId;
	}

}
