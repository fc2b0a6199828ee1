package dev.cobooauth.webhook;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses every {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameter on Spring WebFlux when
 * deliveries cannot be verified, so that Spring's catch-all resolvers never bind one from the request
 * unverified; warns at startup of each handler that takes one.
 */
final class ReactiveUnverifiedDeliveryRefusal
		implements HandlerMethodArgumentResolver, WebFluxConfigurer, ApplicationListener<ContextRefreshedEvent> {

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return UnverifiedDeliveries.isVerifiedDelivery(parameter);
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return Mono.error(() -> UnverifiedDeliveries.refusal(parameter));
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		event.getApplicationContext()
			.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()
			.forEach((mapping) -> UnverifiedDeliveries.warnOfHandlers(mapping.getHandlerMethods().values()));
	}

}
