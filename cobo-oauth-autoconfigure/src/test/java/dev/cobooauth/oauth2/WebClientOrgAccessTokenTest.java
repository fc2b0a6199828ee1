package dev.cobooauth.oauth2;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Org Access Tokens through the {@code coboWebClient} bean.
 */
class WebClientOrgAccessTokenTest extends OrgAccessTokenContract {

	@Override
	protected String get(ApplicationContext context, String org, String path) {
		WebClient client = context.getBean("coboWebClient", WebClient.class);
		WebClient.RequestHeadersSpec<?> request = client.get().uri(path);
		if (org != null) {
			request.attributes(CoboOrg.id(org));
		}
		return request.retrieve().bodyToMono(String.class).block();
	}

	@Override
	protected String getWithOrgAttribute(ApplicationContext context, @Nullable Object org, String path) {
		return context.getBean("coboWebClient", WebClient.class)
			.get()
			.uri(path)
			.attributes((attributes) -> attributes.put(CoboOrg.ATTRIBUTE, org))
			.retrieve().bodyToMono(String.class).block();
	}

	@Override
	protected String post(ApplicationContext context, String org, String path, String json) {
		return context.getBean("coboWebClient", WebClient.class)
			.post()
			.uri(path)
			.attributes(CoboOrg.id(org))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

	@Override
	protected int statusOf(Throwable failure) {
		return ((WebClientResponseException) failure).getStatusCode().value();
	}

}
