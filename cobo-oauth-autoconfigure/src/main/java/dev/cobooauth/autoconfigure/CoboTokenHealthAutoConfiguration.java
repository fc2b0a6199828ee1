package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.CoboTokenHealth;
import dev.cobooauth.oauth2.CoboTokens;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code cobo} health contributor ({@code management.health.cobo.enabled}), when the application
 * has the Actuator's health module and the starter has tokens to tell about: {@link CoboTokenHealth}
 * over the {@code coboTokens} bean.
 */
@AutoConfiguration(after = { CoboOrgAccessTokenAutoConfiguration.class,
		CoboPermissionTokenAutoConfiguration.class })
@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
public final class CoboTokenHealthAutoConfiguration {

	/** Name of the health contributor bean; the Actuator shows it as {@code cobo}. */
	static final String HEALTH_CONTRIBUTOR = "coboHealthContributor";

	// Nested, so that the condition's class is loaded only once the Actuator's health module is known to be there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(CoboTokens.class)
	@ConditionalOnEnabledHealthIndicator("cobo")
	static class ContributorConfiguration {

		@Bean(HEALTH_CONTRIBUTOR)
		@ConditionalOnMissingBean(name = HEALTH_CONTRIBUTOR)
		CompositeHealthContributor coboHealthContributor(CoboTokens tokens, CoboProperties properties) {
			return CoboTokenHealth.contributor(tokens, properties.getApp().getOrgs());
		}

	}

}
