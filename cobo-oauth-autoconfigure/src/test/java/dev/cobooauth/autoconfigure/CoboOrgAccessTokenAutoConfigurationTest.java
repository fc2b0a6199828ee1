package dev.cobooauth.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.CoboTokens;
import dev.cobooauth.oauth2.ReactiveCoboOrgAccessTokens;
import dev.cobooauth.oauth2.TokenEngineProbe;
import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class CoboOrgAccessTokenAutoConfigurationTest {

	private static final String[] APP = { "cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET };

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(CoboSigningAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class));

	@Test
	void providesBothClientsForAPortalApp() {
		this.runner.withPropertyValues(APP)
			.run((context) -> assertThat(context).hasBean("coboRestClient")
				.hasBean("coboWebClient")
				.hasSingleBean(CoboOrgAccessTokens.class)
				.hasSingleBean(ReactiveCoboOrgAccessTokens.class)
				.hasSingleBean(RestClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void providesNothingWithoutAnAppKey() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("coboRestClient")
			.doesNotHaveBean("coboWebClient")
			.doesNotHaveBean(CoboOrgAccessTokens.class));
	}

	@Test
	void publishesNoSpringSecurityTypeThatSpringSecurityWouldWireIntoTheApplication() {
		this.runner.withPropertyValues(APP)
			.run((context) -> assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(OAuth2AuthorizedClientService.class)
				.doesNotHaveBean(OAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(OAuth2AuthorizedClientProvider.class)
				.doesNotHaveBean(ReactiveOAuth2AuthorizedClientProvider.class)
				.doesNotHaveBean(OAuth2AccessTokenResponseClient.class));
	}

	@Test
	void startsInAServletOnlyApplication() {
		this.runner.withPropertyValues(APP)
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("coboRestClient")
				.doesNotHaveBean("coboWebClient")
				.doesNotHaveBean(ReactiveCoboOrgAccessTokens.class));
	}

	@Test
	void startsInAReactiveOnlyApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class))
			.withPropertyValues(APP)
			.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet", "jakarta.servlet"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("coboWebClient")
				.hasSingleBean(ReactiveCoboOrgAccessTokens.class));
	}

	@Test
	void keepsSigningWithoutSpringSecurityOnTheClasspath() {
		this.runner.withPropertyValues(APP)
			.withClassLoader(new FilteredClassLoader(OAuth2AuthorizedClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("coboAppKeySigner")
				.doesNotHaveBean("coboRestClient"));
	}

	@Test
	void refusesAnAppWithoutClientIdEvenWithItsOwnSigner() {
		this.runner.withBean("coboAppKeySigner", CoboSigner.class,
				() -> TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(failure) -> assertThat(failure.getName()).isEqualTo("cobo.app.client-id"))
				.hasMessageContaining("cobo.app.client-id is missing while an app signer is configured"));
	}

	@Test
	void takesTheClockSkewFromProperties() {
		this.runner.withPropertyValues(APP)
			.withPropertyValues("cobo.token.clock-skew=5m")
			.run((context) -> assertThat(TokenEngineProbe.clockSkew(context.getBean(CoboTokens.class)))
				.isEqualTo(Duration.ofMinutes(5)));
	}

	@Test
	void backsOffFromEveryBeanTheApplicationDefines() {
		this.runner.withPropertyValues(APP).withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context.getBean("coboRestClient")).isSameAs(OwnBeans.REST_CLIENT);
			assertThat(context.getBean("coboWebClient")).isSameAs(OwnBeans.WEB_CLIENT);
			assertThat(context.getBean(CoboTokens.class)).isSameAs(OwnBeans.TOKENS);
			assertThat(context.getBean("coboClock")).isSameAs(OwnBeans.CLOCK);
			assertThat(context.getBean(CoboOrgAccessTokens.class)).isSameAs(OwnBeans.TOKENS.orgAccessTokens());
		});
	}

	@Test
	void leavesASharedBuilderOfTheApplicationUntouched() {
		RestClient.Builder shared = RestClient.builder();
		this.runner.withPropertyValues(APP)
			.withBean(RestClient.Builder.class, () -> shared)
			.run((context) -> {
				assertThat(context).hasBean("coboRestClient");
				shared.requestInterceptors((interceptors) -> assertThat(interceptors).isEmpty());
			});
	}

	@Test
	void livesBesideTheApplicationsOwnOAuth2Login() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
					ServletWebSecurityAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
					OAuth2ClientWebSecurityAutoConfiguration.class, CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class))
			.withPropertyValues(APP)
			.withPropertyValues("spring.security.oauth2.client.registration.github.client-id=gh",
					"spring.security.oauth2.client.registration.github.client-secret=secret")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("coboRestClient");
				InMemoryClientRegistrationRepository registrations = context
					.getBean(InMemoryClientRegistrationRepository.class);
				assertThat(registrations).extracting((registration) -> registration.getRegistrationId())
					.containsExactly("github");
				assertThat(context).hasSingleBean(OAuth2AuthorizedClientManager.class)
					.hasSingleBean(OAuth2AuthorizedClientService.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		static final RestClient REST_CLIENT = RestClient.create();

		static final WebClient WEB_CLIENT = WebClient.create();

		static final Clock CLOCK = Clock.systemUTC();

		static final CoboTokens TOKENS = CoboTokens
			.builder(CoboEndpoint.builder("http://localhost/v2").withoutResponseVerification().build())
			.portalApp("app-1", TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519))
			.build();

		@Bean
		RestClient coboRestClient() {
			return REST_CLIENT;
		}

		@Bean
		WebClient coboWebClient() {
			return WEB_CLIENT;
		}

		@Bean
		CoboTokens coboTokens() {
			return TOKENS;
		}

		@Bean
		Clock coboClock() {
			return CLOCK;
		}

	}

}
