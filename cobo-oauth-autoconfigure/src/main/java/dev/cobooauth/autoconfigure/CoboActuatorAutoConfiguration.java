package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.CoboClientRegistrations;
import dev.cobooauth.oauth2.CoboTokenStore;
import dev.cobooauth.oauth2.TokenExpiry;
import dev.cobooauth.oauth2.TokenOutcomes;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator support, each part only when the application has that part of the Actuator: the
 * {@code cobo} health contributor ({@code management.health.cobo.enabled}), and the masking of
 * {@code cobo.**.private-key} and {@code cobo.**.encryption-key} in {@code /actuator/env} and
 * {@code /actuator/configprops}.
 */
@AutoConfiguration(after = { CoboOrgAccessTokenAutoConfiguration.class, CoboPermissionTokenAutoConfiguration.class })
public class CoboActuatorAutoConfiguration {

	/** Name of the health contributor bean; the Actuator shows it as {@code cobo}. */
	public static final String HEALTH_CONTRIBUTOR = "coboHealthContributor";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
	static class HealthConfiguration {

		// Nested, so that the condition's class is loaded only once the Actuator's health module is known to be there.
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnBean({ CoboClientRegistrations.class, CoboTokenStore.class, TokenOutcomes.class })
		@ConditionalOnEnabledHealthIndicator("cobo")
		static class ContributorConfiguration {

			@Bean(HEALTH_CONTRIBUTOR)
			@ConditionalOnMissingBean(name = HEALTH_CONTRIBUTOR)
			CoboHealthContributor coboHealthContributor(CoboClientRegistrations registrations, CoboTokenStore store,
					TokenOutcomes outcomes, TokenExpiry expiry, CoboProperties properties) {
				return new CoboHealthContributor(registrations, store, outcomes, expiry.getClock(),
						properties.getApp().getOrgs());
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboSecretsSanitizingFunction")
		CoboSecretsSanitizingFunction coboSecretsSanitizingFunction() {
			return new CoboSecretsSanitizingFunction();
		}

	}

}
