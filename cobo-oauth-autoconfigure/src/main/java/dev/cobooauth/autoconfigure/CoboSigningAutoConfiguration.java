package dev.cobooauth.autoconfigure;

import java.time.Clock;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboSignatureMetrics;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.CryptoProvider;
import dev.cobooauth.signing.NonceSlots;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Where Cobo is, how its responses are verified, the keys requests are signed with (the app key,
 * {@code cobo.app.*}, and the API key, {@code cobo.api-key.*}), and the clock every time decision of
 * the starter reads. Each signer can be replaced by a bean of the same name, e.g. one whose key
 * lives in an HSM; the clock by a {@code coboClock} bean, so a test moves time in one place.
 * Ed25519 is computed by the {@link CryptoProvider} {@code cobo.crypto.provider} chooses, said once
 * at startup, at INFO.
 * <p>
 * Cobo's clients get HTTP clients of their own that follow no redirect
 * ({@link CoboHttpTransports}), built from Spring Boot's HTTP client settings when they are there.
 */
@AutoConfiguration
@EnableConfigurationProperties(CoboProperties.class)
@Import({ CoboHttpTransports.Imperative.class, CoboHttpTransports.Reactive.class })
public final class CoboSigningAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CoboSigningAutoConfiguration.class);

	/** Name of the bean signing with the Portal App's key. */
	static final String APP_KEY_SIGNER = "coboAppKeySigner";

	/** Name of the bean signing with the organization's API key. */
	static final String API_KEY_SIGNER = "coboApiKeySigner";

	/** Name of the clock of token expiry, {@code Retry-After} and webhook windows. */
	static final String CLOCK = "coboClock";

	/**
	 * Not a default candidate, so that an application injecting a {@code Clock} of its own by type
	 * never gets this one by accident.
	 */
	@Bean(name = CLOCK, defaultCandidate = false)
	@ConditionalOnMissingBean(name = CLOCK)
	Clock coboClock() {
		return Clock.systemUTC();
	}

	/**
	 * @return {@link CryptoProvider#AWS_LC} or {@link CryptoProvider#BOUNCY_CASTLE}, never {@code AUTO}
	 */
	@Bean
	@ConditionalOnMissingBean
	CryptoProvider coboCryptoProvider(CoboProperties properties) {
		CoboPropertiesMapper mapper = new CoboPropertiesMapper(properties);
		CryptoProvider provider = mapper.cryptoProvider();
		logger.info("Cobo signatures: Ed25519 on " + mapper.describe(provider));
		return provider;
	}

	@Bean
	@ConditionalOnMissingBean
	CoboEndpoint coboEndpoint(CoboProperties properties, ObjectProvider<CoboSignatureMetrics> metrics,
			@Qualifier(CLOCK) ObjectProvider<Clock> coboClock, ObjectProvider<CoboHttpTransports> transports,
			CryptoProvider cryptoProvider, ObjectProvider<NonceSlots> nonceSlots) {
		if (!properties.getResponseVerification().isEnabled()) {
			logger.warn("cobo.response-verification.enabled=false: answers from " + ((properties.getBaseUrl() != null)
					? properties.getBaseUrl() : properties.getEnv().getBaseUrl())
					+ " reach the application without any check that Cobo sent them; anyone on the way can forge "
					+ "or replay them. Turn it on for anything but a server that cannot sign.");
		}
		return new CoboPropertiesMapper(properties).endpoint(metrics.getIfAvailable(() -> CoboSignatureMetrics.NONE),
				coboClock.getIfAvailable(Clock::systemUTC), cryptoProvider,
				(endpoint) -> {
					transports.orderedStream().forEach((transport) -> transport.applyTo(endpoint));
					nonceSlots.ifAvailable(endpoint::nonceSlots);
				});
	}

	@Configuration(proxyBeanMethods = false)
	static class AppKeyConfiguration {

		@Bean(APP_KEY_SIGNER)
		@ConditionalOnCoboKey("cobo.app")
		@ConditionalOnMissingBean(name = APP_KEY_SIGNER)
		CoboSigner coboAppKeySigner(CoboProperties properties, CryptoProvider cryptoProvider) {
			return new CoboPropertiesMapper(properties).appKeySigner(cryptoProvider);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApiKeyConfiguration {

		@Bean(API_KEY_SIGNER)
		@ConditionalOnCoboKey("cobo.api-key")
		@ConditionalOnMissingBean(name = API_KEY_SIGNER)
		CoboSigner coboApiKeySigner(CoboProperties properties, CryptoProvider cryptoProvider) {
			return new CoboPropertiesMapper(properties).apiKeySigner(cryptoProvider);
		}

	}

}
