package dev.cobooauth.oauth2;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The API key on the reactive stack: {@code coboReactivePermissionTokens} and
 * {@code coboApiKeyWebClient}.
 */
class WebClientApiKeyTest extends ApiKeyContract {

	@Override
	protected PermissionAccessToken current(ApplicationContext context) {
		return context.getBean(ReactiveCoboPermissionTokens.class).current().block();
	}

	@Override
	protected String orgAccessToken(ApplicationContext context, String orgId) {
		return context.getBean(ReactiveCoboOrgAccessTokens.class).getAccessToken(orgId).block().getTokenValue();
	}

	@Override
	protected String get(ApplicationContext context, String path) {
		return context.getBean("coboApiKeyWebClient", WebClient.class)
			.get()
			.uri(path)
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

	@Override
	protected String post(ApplicationContext context, String path, String json) {
		return context.getBean("coboApiKeyWebClient", WebClient.class)
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

}
