package dev.cobooauth.autoconfigure;

import java.time.Clock;
import java.util.concurrent.Executor;

import dev.cobooauth.oauth2.CoboTokenObservationConvention;
import dev.cobooauth.oauth2.CoboTokens;
import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboSigner;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.web.client.RestClient;

/**
 * The token engine both token flows share (the bean {@code coboTokens}): the Portal App's
 * registration when there is an app key, the API key's when there is an API key, one token store,
 * one clock, and the executor its background work runs on. Imported by both token
 * auto-configurations, so it is there when either is, and once when both are.
 * <p>
 * The token store is kept in memory unless {@code cobo.token-store.type=jdbc}
 * ({@link JdbcTokenStoreConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(JdbcTokenStoreConfiguration.class)
class CoboTokensConfiguration {

	/** Name of the executor of background refreshes, warm-up and reactive callers' token requests. */
	static final String TASK_EXECUTOR = "coboTaskExecutor";

	/**
	 * Built with Spring Boot's builder, so it follows {@code spring.task.execution.*}, and uses
	 * virtual threads when {@code spring.threads.virtual.enabled} is on. Not a default candidate, so
	 * that the application's own {@code Executor} lookups by type never find it.
	 */
	@Bean(name = TASK_EXECUTOR, defaultCandidate = false)
	@ConditionalOnMissingBean(name = TASK_EXECUTOR)
	AsyncTaskExecutor coboTaskExecutor(Environment environment, ObjectProvider<ThreadPoolTaskExecutorBuilder> pool,
			ObjectProvider<SimpleAsyncTaskExecutorBuilder> simple) {
		if (Threading.VIRTUAL.isActive(environment)) {
			return simple.getIfAvailable(SimpleAsyncTaskExecutorBuilder::new).threadNamePrefix("cobo-").build();
		}
		return pool.getIfAvailable(ThreadPoolTaskExecutorBuilder::new).threadNamePrefix("cobo-").build();
	}

	@Bean
	@ConditionalOnMissingBean
	CoboTokens coboTokens(CoboProperties properties, CoboEndpoint endpoint,
			@Qualifier(CoboSigningAutoConfiguration.APP_KEY_SIGNER) ObjectProvider<CoboSigner> appKey,
			@Qualifier(CoboSigningAutoConfiguration.API_KEY_SIGNER) ObjectProvider<CoboSigner> apiKey,
			@Qualifier(CoboSigningAutoConfiguration.CLOCK) Clock clock, @Qualifier(TASK_EXECUTOR) Executor executor,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<CoboTokenObservationConvention> observationConvention,
			ObjectProvider<CoboTokensBuilderCustomizer> customizers) {
		CoboPropertiesMapper mapper = new CoboPropertiesMapper(properties);
		CoboProperties.Token token = properties.getToken();
		CoboTokens.Builder builder = CoboTokens.builder(endpoint)
			.clock(clock)
			.clockSkew(token.getClockSkew())
			.acquireTimeout(token.getAcquireTimeout())
			.retry(token.getRetry().getMaxAttempts(), token.getRetry().getInitialBackoff(),
					token.getRetry().getMaxBackoff())
			.tokenRequestTimeouts(token.getConnectTimeout(), token.getReadTimeout())
			.refusedOrgBackoff(token.getRefusedOrgBackoff())
			.maxTrackedOrgs(token.getMaxTrackedOrgs())
			.maxConcurrentRequests(token.getMaxConcurrentRequests())
			.restClientBuilder(restClientBuilder.getIfAvailable(RestClient::builder))
			.executor(executor)
			.observations(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
					observationConvention.getIfUnique());
		CoboSigner app = appKey.getIfAvailable();
		if (app != null) {
			builder.portalApp(mapper.appClientId(), app);
		}
		CoboSigner api = apiKey.getIfAvailable();
		if (api != null) {
			builder.apiKey(api, mapper.permissionType());
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
