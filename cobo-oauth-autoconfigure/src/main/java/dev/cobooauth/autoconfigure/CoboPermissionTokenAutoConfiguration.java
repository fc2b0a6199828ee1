package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.CoboPermissionTokens;
import dev.cobooauth.oauth2.CoboTokens;
import dev.cobooauth.oauth2.ReactiveCoboPermissionTokens;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Permission Access Tokens for an organization's own backend (Cobo Auth, {@code cobo.api-key.*}):
 * {@code coboPermissionTokens} and {@code coboReactivePermissionTokens} hand a front end a valid
 * token of {@code cobo.permission-token.permission-type}, exchanged with the API key's signature
 * and refreshed when due, by the same token engine as any Org Access Tokens
 * ({@link CoboTokensConfiguration}).
 */
@AutoConfiguration(
		after = { CoboSigningAutoConfiguration.class, CoboApiKeyClientsAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class },
		afterName = { OptionalBootAutoConfigurations.REST_CLIENT, OptionalBootAutoConfigurations.WEB_CLIENT })
@ConditionalOnClass(OAuth2AuthorizedClient.class)
@ConditionalOnBean(name = CoboSigningAutoConfiguration.API_KEY_SIGNER)
@Import(CoboTokensConfiguration.class)
public final class CoboPermissionTokenAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoboPermissionTokens coboPermissionTokens(CoboTokens tokens) {
		return tokens.permissionTokens();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCoboPermissionTokens coboReactivePermissionTokens(CoboTokens tokens) {
			return tokens.reactivePermissionTokens();
		}

	}

}
