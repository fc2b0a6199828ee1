package dev.cobooauth.webhook;

import java.io.IOException;
import java.io.InputStream;

import dev.cobooauth.signing.CoboDelivery;
import dev.cobooauth.signing.CoboDeliveryVerificationException;
import dev.cobooauth.signing.CoboDeliveryVerifier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;

/**
 * What the Spring MVC and the WebFlux resolver of {@link VerifiedCoboDelivery @VerifiedCoboDelivery}
 * parameters share: which parameters are theirs, how large a body may be, and turning the bytes
 * received into the parameter's value once the delivery is verified.
 */
abstract class VerifiedDeliveries {

	private static final Log logger = LogFactory.getLog(VerifiedDeliveries.class);

	private final CoboDeliveryVerifier verifier;

	private final CoboDeliveryReader reader;

	private final int maxBodySize;

	/**
	 * @param verifier verifies each delivery
	 * @param reader turns it into the declared type
	 * @param maxBodySize the longest body read, in bytes
	 */
	protected VerifiedDeliveries(CoboDeliveryVerifier verifier, CoboDeliveryReader reader, int maxBodySize) {
		if (maxBodySize < 1) {
			throw new IllegalArgumentException("maxBodySize must be positive");
		}
		this.verifier = verifier;
		this.reader = reader;
		this.maxBodySize = maxBodySize;
	}

	/**
	 * @param parameter a handler method's parameter
	 * @return whether it takes a verified delivery
	 */
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(VerifiedCoboDelivery.class);
	}

	int maxBodySize() {
		return this.maxBodySize;
	}

	/**
	 * @param in the body as it arrives
	 * @return the body, read only up to one byte past the limit
	 * @throws CoboDeliveryVerificationException if the body is over the limit
	 */
	byte[] readAtMost(InputStream in) throws IOException {
		byte[] body = in.readNBytes(this.maxBodySize + 1);
		if (body.length > this.maxBodySize) {
			throw tooLarge(this.maxBodySize);
		}
		return body;
	}

	/**
	 * @param maxBodySize the limit
	 * @return the refusal of a body over it, logged with its reason as every refusal is
	 */
	static CoboDeliveryVerificationException tooLarge(int maxBodySize) {
		logger.warn("Refused a Cobo delivery: its body is longer than cobo.webhook.max-body-size (" + maxBodySize
				+ " bytes)");
		return new CoboDeliveryVerificationException(CoboDeliveryVerificationException.Reason.TOO_LARGE);
	}

	/**
	 * @param headers the delivery's headers
	 * @param body the exact bytes received
	 * @return the verified delivery
	 * @throws CoboDeliveryVerificationException if the delivery must not be acted on
	 */
	CoboDelivery verify(HttpHeaders headers, byte[] body) {
		return this.verifier.verify(headers, body);
	}

	/**
	 * @param parameter the handler's parameter
	 * @param delivery a verified delivery
	 * @return the parameter's value
	 */
	Object convert(MethodParameter parameter, CoboDelivery delivery) {
		return this.reader.read(delivery, parameter.getGenericParameterType());
	}

	/**
	 * @param parameter the handler's parameter
	 * @param headers the delivery's headers
	 * @param body the exact bytes received
	 * @return the parameter's value
	 * @throws CoboDeliveryVerificationException if the delivery must not be acted on
	 */
	Object read(MethodParameter parameter, HttpHeaders headers, byte[] body) {
		return convert(parameter, verify(headers, body));
	}

}
