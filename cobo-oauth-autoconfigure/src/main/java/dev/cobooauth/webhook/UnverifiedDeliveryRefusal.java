package dev.cobooauth.webhook;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses every {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameter on Spring MVC when
 * deliveries cannot be verified, so that Spring's catch-all resolvers never bind one from the request
 * unverified; warns at startup of each handler that takes one.
 */
final class UnverifiedDeliveryRefusal
		implements HandlerMethodArgumentResolver, WebMvcConfigurer, ApplicationListener<ContextRefreshedEvent> {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return UnverifiedDeliveries.isVerifiedDelivery(parameter);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		throw UnverifiedDeliveries.refusal(parameter);
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		event.getApplicationContext()
			.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()
			.forEach((mapping) -> UnverifiedDeliveries.warnOfHandlers(mapping.getHandlerMethods().values()));
	}

}
