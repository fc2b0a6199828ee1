package dev.cobooauth.autoconfigure;

import java.util.List;

import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.CoboPermissionTokens;
import dev.cobooauth.oauth2.CoboTokens;
import dev.cobooauth.oauth2.ReactiveCoboOrgAccessTokens;
import dev.cobooauth.oauth2.ReactiveCoboPermissionTokens;
import dev.cobooauth.oauth2.TokenEngineProbe;
import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class CoboPermissionTokenAutoConfigurationTest {

	private static final String[] APP = { "cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET };

	private static final String API_KEY = "cobo.api-key.private-key=" + TestKeys.API_SECRET;

	private static final String API_KEY_HEX = TestKeys.signer(TestKeys.API_SECRET, KeyType.ED25519).publicKeyHex();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
				CoboApiKeyClientsAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class,
				CoboPermissionTokenAutoConfiguration.class));

	private static List<String> registrationIds(ApplicationContext context) {
		return TokenEngineProbe.registrationIds(context.getBean(CoboTokens.class));
	}

	@Test
	void providesPermissionTokensAndApiKeyClientsWithAnApiKeyOnly() {
		this.runner.withPropertyValues(API_KEY).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CoboPermissionTokens.class)
				.hasSingleBean(ReactiveCoboPermissionTokens.class)
				.hasBean("coboApiKeyRestClient")
				.hasBean("coboApiKeyWebClient")
				.hasSingleBean(CoboTokens.class)
				.doesNotHaveBean(CoboOrgAccessTokens.class)
				.doesNotHaveBean("coboRestClient");
			assertThat(registrationIds(context))
				.containsExactly("cobo-permission");
		});
	}

	@Test
	void providesNoPermissionTokensWithoutAnApiKey() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(CoboPermissionTokens.class)
			.doesNotHaveBean(ReactiveCoboPermissionTokens.class)
						.doesNotHaveBean(CoboTokens.class));
	}

	@Test
	void providesOnlyOrgAccessTokensWithAnAppKeyOnly() {
		this.runner.withPropertyValues(APP).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CoboOrgAccessTokens.class)
				.doesNotHaveBean(CoboPermissionTokens.class)
				.doesNotHaveBean(ReactiveCoboPermissionTokens.class)
				.doesNotHaveBean("coboApiKeyRestClient");
			assertThat(registrationIds(context))
				.containsExactly("cobo");
		});
	}

	@Test
	void keepsBothRegistrationsInOneStoreWithBothKeys() {
		this.runner.withPropertyValues(APP).withPropertyValues(API_KEY).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CoboOrgAccessTokens.class)
				.hasSingleBean(ReactiveCoboOrgAccessTokens.class)
				.hasSingleBean(CoboPermissionTokens.class)
				.hasSingleBean(ReactiveCoboPermissionTokens.class)
								.hasSingleBean(CoboTokens.class);
			assertThat(registrationIds(context))
				.containsExactly("cobo", "cobo-permission");
		});
	}

	@Test
	void registersTheApiKeyWithBothPermissionTokenEndpoints() {
		this.runner.withPropertyValues(API_KEY).run((context) -> {
			ClientRegistration registration = TokenEngineProbe.registration(context.getBean(CoboTokens.class), "cobo-permission");
			assertThat(registration.getClientId()).isEqualTo(API_KEY_HEX);
			assertThat(registration.getAuthorizationGrantType().getValue()).isEqualTo("cobo_permission_token");
			assertThat(registration.getProviderDetails().getTokenUri())
				.isEqualTo("https://api.dev.cobo.com/v2/oauth/permission_token/exchange");
			assertThat(registration.getProviderDetails().getConfigurationMetadata())
				.containsEntry("permission_token_refresh_uri",
						"https://api.dev.cobo.com/v2/oauth/permission_token/refresh");
		});
	}

	@Test
	void identifiesAnApplicationsOwnSignerByItsPublicKey() {
		this.runner.withUserConfiguration(KmsSignerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(CoboPermissionTokens.class);
			assertThat(TokenEngineProbe.registration(context.getBean(CoboTokens.class), "cobo-permission")
				.getClientId()).isEqualTo(KmsSignerConfiguration.SIGNER.publicKeyHex());
		});
	}

	@Test
	void startsInAServletOnlyApplication() {
		this.runner.withPropertyValues(API_KEY)
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CoboPermissionTokens.class)
				.hasBean("coboApiKeyRestClient")
				.doesNotHaveBean("coboApiKeyWebClient")
				.doesNotHaveBean(ReactiveCoboPermissionTokens.class));
	}

	@Test
	void keepsTheApiKeyClientsWithoutSpringSecurityOnTheClasspath() {
		this.runner.withPropertyValues(API_KEY)
			.withClassLoader(new FilteredClassLoader(OAuth2AuthorizedClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("coboApiKeyRestClient")
				.hasBean("coboApiKeyWebClient")
				.doesNotHaveBean(CoboPermissionTokens.class)
				.doesNotHaveBean(CoboTokens.class));
	}

	@Test
	void publishesNoSpringSecurityTypeThatSpringSecurityWouldWireIntoTheApplication() {
		this.runner.withPropertyValues(APP)
			.withPropertyValues(API_KEY)
			.run((context) -> assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(ReactiveClientRegistrationRepository.class)
				.doesNotHaveBean(OAuth2AuthorizedClientService.class)
				.doesNotHaveBean(ReactiveOAuth2AuthorizedClientService.class)
				.doesNotHaveBean(OAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(ReactiveOAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(OAuth2AuthorizedClientProvider.class)
				.doesNotHaveBean(ReactiveOAuth2AuthorizedClientProvider.class)
				.doesNotHaveBean(OAuth2AccessTokenResponseClient.class)
				.doesNotHaveBean(ReactiveOAuth2AccessTokenResponseClient.class));
	}

	@Test
	void refusesAnEmptyPermissionTypeNamingTheProperty() {
		this.runner.withPropertyValues(API_KEY, "cobo.permission-token.permission-type= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("default message [cobo.permission-token.permission-type is empty."));
	}

	@Test
	void backsOffFromEveryBeanTheApplicationDefines() {
		this.runner.withPropertyValues(API_KEY).withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context.getBean(CoboPermissionTokens.class)).isSameAs(OwnBeans.TOKENS);
			assertThat(context.getBean(ReactiveCoboPermissionTokens.class)).isSameAs(OwnBeans.REACTIVE_TOKENS);
			assertThat(context.getBean(CoboTokens.class)).isSameAs(OwnBeans.ENGINE);
		});
	}

	@Test
	void livesBesideTheApplicationsOwnOAuth2Login() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
					ServletWebSecurityAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
					OAuth2ClientWebSecurityAutoConfiguration.class, CoboSigningAutoConfiguration.class,
					CoboApiKeyClientsAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class,
					CoboPermissionTokenAutoConfiguration.class))
			.withPropertyValues(APP)
			.withPropertyValues(API_KEY)
			.withPropertyValues("spring.security.oauth2.client.registration.github.client-id=gh",
					"spring.security.oauth2.client.registration.github.client-secret=secret")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(CoboPermissionTokens.class);
				assertThat(context.getBean(InMemoryClientRegistrationRepository.class))
					.extracting((registration) -> registration.getRegistrationId())
					.containsExactly("github");
				assertThat(context).hasSingleBean(OAuth2AuthorizedClientManager.class)
					.hasSingleBean(OAuth2AuthorizedClientService.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class KmsSignerConfiguration {

		static final CoboSigner SIGNER = TestKeys.signer(TestKeys.SECP256K1_SECRET, KeyType.SECP256K1);

		@Bean
		CoboSigner coboApiKeySigner() {
			return SIGNER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		static final CoboTokens ENGINE = CoboTokens
			.builder(CoboEndpoint.builder("http://localhost/v2").withoutResponseVerification().build())
			.apiKey(TestKeys.signer(TestKeys.API_SECRET, KeyType.ED25519), "mine")
			.build();

		static final CoboPermissionTokens TOKENS = ENGINE.permissionTokens();

		static final ReactiveCoboPermissionTokens REACTIVE_TOKENS = ENGINE.reactivePermissionTokens();

		@Bean
		CoboPermissionTokens coboPermissionTokens() {
			return TOKENS;
		}

		@Bean
		ReactiveCoboPermissionTokens coboReactivePermissionTokens() {
			return REACTIVE_TOKENS;
		}

		@Bean
		CoboTokens coboTokens() {
			return ENGINE;
		}

	}

}
