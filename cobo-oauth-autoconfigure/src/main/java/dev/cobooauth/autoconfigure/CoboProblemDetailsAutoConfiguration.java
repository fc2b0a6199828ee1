package dev.cobooauth.autoconfigure;

import dev.cobooauth.web.CoboProblemDetails;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Cobo's failures answered as {@code application/problem+json} in a Spring MVC or WebFlux
 * application ({@code cobo.problem-details.enabled}, on by default), with the problems of
 * {@link CoboProblemDetails}.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(RestControllerAdvice.class)
@ConditionalOnBooleanProperty(name = "cobo.problem-details.enabled", matchIfMissing = true)
public final class CoboProblemDetailsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoboProblemDetailsExceptionHandler coboProblemDetailsExceptionHandler() {
		return new CoboProblemDetailsExceptionHandler();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OAuth2AuthorizationException.class)
	static class TokenFailureConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboProblemDetailsExceptionHandler.TokenFailureHandler coboTokenFailureHandler() {
			return new CoboProblemDetailsExceptionHandler.TokenFailureHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClientResponseException.class)
	static class WebClientAnswerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboProblemDetailsExceptionHandler.WebClientAnswerHandler coboWebClientAnswerHandler() {
			return new CoboProblemDetailsExceptionHandler.WebClientAnswerHandler();
		}

	}

}
