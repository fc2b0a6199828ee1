package dev.cobooauth.webhook;

import java.io.IOException;
import java.util.List;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;

/**
 * Resolves a {@link VerifiedCoboDelivery @VerifiedCoboDelivery} {@link CoboEvent} parameter on Spring
 * MVC and runs its handler once per {@code event_id}: the delivery is verified, the event claimed in
 * {@link HandledCoboEvents}, and the handler called only when the claim is this delivery's. After the
 * handler, as an interceptor, it records the event as handled when the answer is 2XX, and releases the
 * claim otherwise (an exception, any other status), recording nothing, so Cobo's next delivery runs
 * the handler again. An event already handled is answered 200 without calling the handler; one whose
 * handler is running for another delivery, 503 ({@link CoboEventAnswers}). The decision is
 * {@link CoboEventOnce}'s, shared with WebFlux ({@link ReactiveCoboEventOnceResolver}).
 * <p>
 * It goes before the general resolver of {@code @VerifiedCoboDelivery} parameters, which would take
 * the event as any other JSON type.
 */
final class CoboEventOnceResolver extends VerifiedCoboDeliveryArgumentResolver implements HandlerInterceptor {

	private static final String CLAIMED = CoboEventOnceResolver.class.getName() + ".claimed";

	private final CoboEventOnce once;

	CoboEventOnceResolver(CoboDeliveryVerifier verifier, CoboDeliveryReader reader, int maxBodySize,
			HandledCoboEvents events) {
		super(verifier, reader, maxBodySize);
		this.once = new CoboEventOnce(events);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(0, this);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return super.supportsParameter(parameter) && parameter.getParameterType() == CoboEvent.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) throws IOException {
		CoboEvent event = (CoboEvent) super.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
		this.once.claim(event.eventId());
		webRequest.setAttribute(CLAIMED, event.eventId(), RequestAttributes.SCOPE_REQUEST);
		return event;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		Object eventId = request.getAttribute(CLAIMED);
		if (eventId == null) {
			return;
		}
		request.removeAttribute(CLAIMED);
		this.once.ended((String) eventId, response.getStatus(), ex);
	}

}
