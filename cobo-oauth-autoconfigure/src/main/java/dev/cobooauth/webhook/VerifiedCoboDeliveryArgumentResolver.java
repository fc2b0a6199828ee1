package dev.cobooauth.webhook;

import java.io.IOException;
import java.io.InputStream;

import dev.cobooauth.signing.CoboDeliveryVerificationException;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameter on Spring MVC: reads the
 * raw body (at most the size limit), verifies it with the request's headers, and only then hands
 * it to the handler as the declared type. A refusal is a {@link CoboDeliveryVerificationException},
 * which {@link dev.cobooauth.webhook.CoboDeliveryExceptionHandler} answers.
 */
final class VerifiedCoboDeliveryArgumentResolver implements HandlerMethodArgumentResolver {

	private final CoboDeliveryVerifier verifier;

	private final CoboDeliveryReader reader;

	private final int maxBodySize;

	/**
	 * @param verifier verifies each delivery
	 * @param reader turns it into the declared type
	 * @param maxBodySize the longest body read, in bytes
	 */
	public VerifiedCoboDeliveryArgumentResolver(CoboDeliveryVerifier verifier, CoboDeliveryReader reader,
			int maxBodySize) {
		if (verifier == null || reader == null) {
			throw new IllegalArgumentException("verifier and reader cannot be null");
		}
		if (maxBodySize < 1) {
			throw new IllegalArgumentException("maxBodySize must be positive");
		}
		this.verifier = verifier;
		this.reader = reader;
		this.maxBodySize = maxBodySize;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(VerifiedCoboDelivery.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws IOException {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		if (request == null) {
			throw new IllegalStateException("@VerifiedCoboDelivery needs a servlet request");
		}
		byte[] body = readAtMost(request.getInputStream());
		return this.reader.read(this.verifier.verify(new ServletServerHttpRequest(request).getHeaders(), body),
				parameter.getGenericParameterType());
	}

	private byte[] readAtMost(InputStream in) throws IOException {
		byte[] body = in.readNBytes(this.maxBodySize + 1);
		if (body.length > this.maxBodySize) {
			throw new CoboDeliveryVerificationException(CoboDeliveryVerificationException.Reason.TOO_LARGE);
		}
		return body;
	}

}
