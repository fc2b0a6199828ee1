package dev.cobooauth.oauth2;

import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Many orgs through the {@code coboRestClient} bean.
 */
class RestClientManyOrgsTest extends ManyOrgsContract {

	@Override
	protected String get(ApplicationContext context, String org) {
		return context.getBean("coboRestClient", RestClient.class)
			.get()
			.uri("/wallets")
			.attributes(CoboOrg.id(org))
			.retrieve()
			.body(String.class)
			.replace("\"", "");
	}

}
