package dev.cobooauth.oauth2;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The {@code cobo} health contributor: with an app key, one {@link CoboTokenHealthIndicator} per
 * known org (those of {@code cobo.app.orgs} and those this instance has asked a token for), each
 * named by its org id; with an API key, one more, {@value #PERMISSION_TOKEN}, for its Permission
 * Access Token. So {@code /actuator/health/cobo/org-1} tells whether org-1's token can be had. Cobo's
 * org ids are UUIDs, so none is ever called {@value #PERMISSION_TOKEN}. Built by {@link CoboTokenHealth}.
 */
final class CoboHealthContributor implements CompositeHealthContributor {

	/** The entry of the API key's Permission Access Token. */
	static final String PERMISSION_TOKEN = "permission-token";

	private final CoboClientRegistrations registrations;

	private final TokenStore store;

	private final TokenOutcomes outcomes;

	private final Clock clock;

	private final List<String> configuredOrgs;

	/**
	 * @param tokens the token engine whose tokens it tells about
	 * @param configuredOrgs the orgs of {@code cobo.app.orgs}
	 */
	CoboHealthContributor(CoboTokens tokens, Collection<String> configuredOrgs) {
		this.registrations = tokens.assembly().registrations();
		this.store = tokens.assembly().store();
		this.outcomes = tokens.assembly().outcomes();
		this.clock = tokens.assembly().clock();
		this.configuredOrgs = List.copyOf(configuredOrgs);
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		if (PERMISSION_TOKEN.equals(name)) {
			return permissionToken().orElse(null);
		}
		return knownOrgs().contains(name) ? org(name) : null;
	}

	@Override
	public Stream<Entry> stream() {
		Stream<Entry> orgs = knownOrgs().stream().map((org) -> new Entry(org, org(org)));
		Stream<Entry> permission = permissionToken().stream()
			.map((indicator) -> new Entry(PERMISSION_TOKEN, indicator));
		return Stream.concat(orgs, permission);
	}

	/** Computed on every look, since orgs arrive while the application runs. */
	private Set<String> knownOrgs() {
		if (registration(CoboClientRegistrations.ORG_ACCESS_TOKEN).isEmpty()) {
			return Set.of();
		}
		Set<String> orgs = new TreeSet<>(this.configuredOrgs);
		orgs.addAll(this.outcomes.principals(CoboClientRegistrations.ORG_ACCESS_TOKEN));
		return orgs;
	}

	private CoboTokenHealthIndicator org(String org) {
		return new CoboTokenHealthIndicator(this.store, this.outcomes, this.clock,
				CoboClientRegistrations.ORG_ACCESS_TOKEN, org, this.configuredOrgs.contains(org));
	}

	private Optional<HealthContributor> permissionToken() {
		return registration(CoboClientRegistrations.PERMISSION_TOKEN)
			.map((registration) -> new CoboTokenHealthIndicator(this.store, this.outcomes, this.clock,
					registration.getRegistrationId(), registration.getClientId(), true));
	}

	private Optional<ClientRegistration> registration(String registrationId) {
		return this.registrations.getRegistrations()
			.stream()
			.filter((registration) -> registration.getRegistrationId().equals(registrationId))
			.findFirst();
	}

}
