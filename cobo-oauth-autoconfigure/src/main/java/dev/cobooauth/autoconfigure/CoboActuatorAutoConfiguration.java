package dev.cobooauth.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With the Actuator: the masking of {@code cobo.**.private-key} and {@code cobo.**.encryption-key}
 * in {@code /actuator/env} and {@code /actuator/configprops}. The {@code cobo} health contributor is
 * assembled beside the token engine it reads ({@code dev.cobooauth.oauth2}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class CoboActuatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "coboSecretsSanitizingFunction")
	CoboSecretsSanitizingFunction coboSecretsSanitizingFunction() {
		return new CoboSecretsSanitizingFunction();
	}

}
