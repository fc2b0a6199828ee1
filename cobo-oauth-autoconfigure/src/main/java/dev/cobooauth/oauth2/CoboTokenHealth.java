package dev.cobooauth.oauth2;

import java.util.Collection;

import org.springframework.boot.health.contributor.CompositeHealthContributor;

/**
 * Builds the {@code cobo} health contributor of Spring Boot's Actuator, for the code that assembles
 * an application: the starter's auto-configuration declares it as the bean
 * {@code coboHealthContributor}; an application that excludes that auto-configuration can declare it
 * itself. With an app key, it holds one indicator per known org (those given here and those asked a
 * token for since), named by its org id; with an API key, one more, {@code permission-token}. Each is
 * {@code UP} while its token can be had, {@code DOWN} while Cobo refuses it. Needs Spring Boot's
 * health module ({@code spring-boot-health}).
 */
public final class CoboTokenHealth {

	private CoboTokenHealth() {
	}

	/**
	 * @param tokens the token engine whose tokens it tells about
	 * @param configuredOrgs the orgs the application knows from the start, as {@code cobo.app.orgs}
	 * @return the contributor, computed on every look, since orgs arrive while the application runs
	 */
	public static CompositeHealthContributor contributor(CoboTokens tokens, Collection<String> configuredOrgs) {
		return new CoboHealthContributor(tokens, configuredOrgs);
	}

}
