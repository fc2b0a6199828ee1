package dev.cobooauth.oauth2;

import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Many orgs through the {@code coboWebClient} bean.
 */
class WebClientManyOrgsTest extends ManyOrgsContract {

	@Override
	protected String get(ApplicationContext context, String org) {
		return context.getBean("coboWebClient", WebClient.class)
			.get()
			.uri("/wallets")
			.attributes(CoboOrg.id(org))
			.retrieve()
			.bodyToMono(String.class)
			.block()
			.replace("\"", "");
	}

}
