package dev.cobooauth.webhook;

import java.io.IOException;
import java.util.List;

import dev.cobooauth.signing.CoboDelivery;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves a {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameter on Spring MVC: reads the
 * raw body (at most the size limit), verifies it with the request's headers, and only then hands
 * it to the handler as the declared type. A refusal is a
 * {@link dev.cobooauth.signing.CoboDeliveryVerificationException}, which
 * the starter's exception handler answers with its status and problem.
 * {@link CoboEventOnceResolver} extends it for {@link CoboEvent} parameters.
 */
class VerifiedCoboDeliveryArgumentResolver extends VerifiedDeliveries
		implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	VerifiedCoboDeliveryArgumentResolver(CoboDeliveryVerifier verifier, CoboDeliveryReader reader, int maxBodySize) {
		super(verifier, reader, maxBodySize);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) throws IOException {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		if (request == null) {
			throw new IllegalStateException("@VerifiedCoboDelivery needs a servlet request");
		}
		byte[] body = readAtMost(request.getInputStream());
		CoboDelivery delivery = verify(new ServletServerHttpRequest(request).getHeaders(), body);
		// Tells the token engine that this thread handles a delivery Cobo signed: a token asked for
		// here is asked of Cobo even for an org it refused lately, since the org may just have
		// installed the app.
		request.setAttribute(CoboDelivery.class.getName(), delivery);
		return convert(parameter, delivery);
	}

}
