package dev.cobooauth.oauth2;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The API key on the servlet stack: {@code coboPermissionTokens} and {@code coboApiKeyRestClient}.
 */
class RestClientApiKeyTest extends ApiKeyContract {

	@Override
	protected PermissionAccessToken current(ApplicationContext context) {
		return context.getBean(CoboPermissionTokens.class).current();
	}

	@Override
	protected String orgAccessToken(ApplicationContext context, String orgId) {
		return context.getBean(CoboOrgAccessTokens.class).getAccessToken(orgId).getTokenValue();
	}

	@Override
	protected String get(ApplicationContext context, String path) {
		return context.getBean("coboApiKeyRestClient", RestClient.class).get().uri(path).retrieve().body(String.class);
	}

	@Override
	protected String post(ApplicationContext context, String path, String json) {
		return context.getBean("coboApiKeyRestClient", RestClient.class)
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.body(String.class);
	}

}
