package dev.cobooauth.oauth2;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Org Access Tokens through the {@code coboRestClient} bean.
 */
class RestClientOrgAccessTokenTest extends OrgAccessTokenContract {

	@Override
	protected String get(ApplicationContext context, String org, String path) {
		RestClient client = context.getBean("coboRestClient", RestClient.class);
		RestClient.RequestHeadersSpec<?> request = client.get().uri(path);
		if (org != null) {
			request.attributes(CoboOrg.id(org));
		}
		return request.retrieve().body(String.class);
	}

	@Override
	protected String getWithOrgAttribute(ApplicationContext context, @Nullable Object org, String path) {
		return context.getBean("coboRestClient", RestClient.class)
			.get()
			.uri(path)
			.attributes((attributes) -> attributes.put(CoboOrg.ATTRIBUTE, org))
			.retrieve().body(String.class);
	}

	@Override
	protected String post(ApplicationContext context, String org, String path, String json) {
		return context.getBean("coboRestClient", RestClient.class)
			.post()
			.uri(path)
			.attributes(CoboOrg.id(org))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.body(String.class);
	}

	@Override
	protected int statusOf(Throwable failure) {
		return ((RestClientResponseException) failure).getStatusCode().value();
	}

}
