package dev.cobooauth.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The JDK HTTP client token requests go through, with the connect and read timeouts of
 * {@code cobo.token.*}, so that a slow token endpoint never holds a caller longer than configured.
 */
final class TokenHttpClients {

	private final Duration connectTimeout;

	private final Duration readTimeout;

	TokenHttpClients(CoboProperties.Token token) {
		this.connectTimeout = positive(token.getConnectTimeout(), "cobo.token.connect-timeout");
		this.readTimeout = positive(token.getReadTimeout(), "cobo.token.read-timeout");
	}

	private static Duration positive(Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidCoboPropertyException(property, "must be a positive duration", "Set it to e.g. 5s.");
		}
		return duration;
	}

	HttpClient httpClient() {
		return HttpClient.newBuilder().connectTimeout(this.connectTimeout).build();
	}

	JdkClientHttpRequestFactory requestFactory() {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient());
		factory.setReadTimeout(this.readTimeout);
		return factory;
	}

	Duration readTimeout() {
		return this.readTimeout;
	}

}
