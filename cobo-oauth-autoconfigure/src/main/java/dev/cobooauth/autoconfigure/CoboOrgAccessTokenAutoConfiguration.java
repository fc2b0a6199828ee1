package dev.cobooauth.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executor;

import dev.cobooauth.oauth2.CoboHttpServiceGroups;
import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.CoboTokens;
import dev.cobooauth.oauth2.ReactiveCoboOrgAccessTokens;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboWebClientConfigurer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerBuilder;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Org Access Tokens for a Cobo Portal App ({@code cobo.app.*}): the token engine
 * ({@link CoboTokensConfiguration}), {@code coboOrgAccessTokens} and its reactive face, and the
 * {@code coboRestClient}, {@code coboWebClient} and {@code cobo} HTTP service group that call WaaS
 * with each org's token. Nothing here is published with a Spring Security type that Spring Security
 * would pick up for the application's own OAuth2 setup.
 */
@AutoConfiguration(
		after = { CoboSigningAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				TaskSchedulingAutoConfiguration.class },
		afterName = { OptionalBootAutoConfigurations.REST_CLIENT, OptionalBootAutoConfigurations.WEB_CLIENT })
@ConditionalOnClass(OAuth2AuthorizedClient.class)
@ConditionalOnBean(name = CoboSigningAutoConfiguration.APP_KEY_SIGNER)
@Import(CoboTokensConfiguration.class)
public final class CoboOrgAccessTokenAutoConfiguration {

	/** Name of the scheduler of {@code cobo.token.proactive-refresh}. */
	static final String TASK_SCHEDULER = "coboTaskScheduler";

	/** Name of the {@code RestClient} that calls Cobo with the default org's token. */
	static final String REST_CLIENT = "coboRestClient";

	/** Name of the {@code WebClient} that calls Cobo with the default org's token. */
	static final String WEB_CLIENT = "coboWebClient";

	@Bean
	@ConditionalOnMissingBean
	CoboOrgAccessTokens coboOrgAccessTokens(CoboTokens tokens) {
		return tokens.orgAccessTokens();
	}

	@Bean
	@ConditionalOnMissingBean
	OrgTokenWarmUp coboOrgTokenWarmUp(CoboOrgAccessTokens tokens, CoboProperties properties,
			@Qualifier(CoboTokensConfiguration.TASK_EXECUTOR) Executor executor) {
		return new OrgTokenWarmUp(tokens, properties.getApp().getOrgs(), properties.getApp().isFailFast(), executor);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("cobo.token.proactive-refresh")
	static class ProactiveRefreshConfiguration {

		/**
		 * Built with Spring Boot's builder, so it follows {@code spring.task.scheduling.*} and
		 * virtual threads. Not a default candidate, so that the application's own scheduler lookups by
		 * type never find it.
		 */
		@Bean(name = TASK_SCHEDULER, defaultCandidate = false)
		@ConditionalOnMissingBean(name = TASK_SCHEDULER)
		TaskScheduler coboTaskScheduler(Environment environment, ObjectProvider<ThreadPoolTaskSchedulerBuilder> pool,
				ObjectProvider<SimpleAsyncTaskSchedulerBuilder> simple) {
			if (Threading.VIRTUAL.isActive(environment)) {
				return simple.getIfAvailable(SimpleAsyncTaskSchedulerBuilder::new).threadNamePrefix("cobo-refresh-").build();
			}
			return pool.getIfAvailable(ThreadPoolTaskSchedulerBuilder::new).threadNamePrefix("cobo-refresh-").build();
		}

		@Bean
		@ConditionalOnMissingBean
		ProactiveOrgTokenRefresh coboProactiveOrgTokenRefresh(CoboOrgAccessTokens tokens, CoboProperties properties,
				@Qualifier(TASK_SCHEDULER) TaskScheduler scheduler) {
			Duration half = properties.getToken().getClockSkew().dividedBy(2);
			Duration interval = (half.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : half;
			return new ProactiveOrgTokenRefresh(tokens, properties.getApp().getOrgs(), interval, scheduler);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboRestClientConfigurer")
		CoboRestClientConfigurer coboRestClientConfigurer(CoboTokens tokens, CoboProperties properties) {
			return tokens.restClientConfigurer(properties.getApp().getDefaultOrg());
		}

		@Bean(REST_CLIENT)
		@ConditionalOnMissingBean(name = REST_CLIENT)
		RestClient coboRestClient(ObjectProvider<RestClient.Builder> builder,
				@Qualifier("coboRestClientConfigurer") CoboRestClientConfigurer configurer) {
			return builder.getIfAvailable(RestClient::builder).clone().apply(configurer).build();
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboRestClientHttpServiceGroupConfigurer")
		RestClientHttpServiceGroupConfigurer coboRestClientHttpServiceGroupConfigurer(
				@Qualifier("coboRestClientConfigurer") CoboRestClientConfigurer configurer) {
			return CoboHttpServiceGroups.restClientConfigurer(configurer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCoboOrgAccessTokens coboReactiveOrgAccessTokens(CoboTokens tokens) {
			return tokens.reactiveOrgAccessTokens();
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboWebClientConfigurer")
		CoboWebClientConfigurer coboWebClientConfigurer(CoboTokens tokens, CoboProperties properties) {
			return tokens.webClientConfigurer(properties.getApp().getDefaultOrg());
		}

		@Bean(WEB_CLIENT)
		@ConditionalOnMissingBean(name = WEB_CLIENT)
		WebClient coboWebClient(ObjectProvider<WebClient.Builder> builder,
				@Qualifier("coboWebClientConfigurer") CoboWebClientConfigurer configurer) {
			return builder.getIfAvailable(WebClient::builder).clone().apply(configurer).build();
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboWebClientHttpServiceGroupConfigurer")
		WebClientHttpServiceGroupConfigurer coboWebClientHttpServiceGroupConfigurer(
				@Qualifier("coboWebClientConfigurer") CoboWebClientConfigurer configurer) {
			return CoboHttpServiceGroups.webClientConfigurer(configurer);
		}

	}

}
