package dev.cobooauth.oauth2;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The {@code cobo} health contributor: one entry per registration of the starter. The Portal App's
 * ({@value CoboClientRegistrations#ORG_ACCESS_TOKEN}) has one {@link CoboTokenHealthIndicator} per
 * known org, those of {@code cobo.app.orgs} and those this instance has asked a token for; the API
 * key's ({@value CoboClientRegistrations#PERMISSION_TOKEN}) is one indicator. So
 * {@code /actuator/health/cobo/cobo/org-1} tells whether org-1's token can be had.
 */
final class CoboHealthContributor implements CompositeHealthContributor {

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
		return this.registrations.getRegistrations()
			.stream()
			.filter((registration) -> registration.getRegistrationId().equals(name))
			.findFirst()
			.map(this::contributorOf)
			.orElse(null);
	}

	@Override
	public Stream<Entry> stream() {
		return this.registrations.getRegistrations()
			.stream()
			.map((registration) -> new Entry(registration.getRegistrationId(), contributorOf(registration)));
	}

	private HealthContributor contributorOf(ClientRegistration registration) {
		String registrationId = registration.getRegistrationId();
		if (CoboClientRegistrations.PERMISSION_TOKEN.equals(registrationId)) {
			return new CoboTokenHealthIndicator(this.store, this.outcomes, this.clock, registrationId,
					registration.getClientId(), true);
		}
		return new Orgs(registrationId);
	}

	private CoboTokenHealthIndicator indicator(String registrationId, String org) {
		return new CoboTokenHealthIndicator(this.store, this.outcomes, this.clock, registrationId, org,
				this.configuredOrgs.contains(org));
	}

	/** One indicator per known org, computed on every look, since orgs arrive while the app runs. */
	private final class Orgs implements CompositeHealthContributor {

		private final String registrationId;

		private Orgs(String registrationId) {
			this.registrationId = registrationId;
		}

		private Set<String> known() {
			Set<String> orgs = new TreeSet<>(CoboHealthContributor.this.configuredOrgs);
			orgs.addAll(CoboHealthContributor.this.outcomes.principals(this.registrationId));
			return orgs;
		}

		@Override
		public @Nullable HealthContributor getContributor(String org) {
			return known().contains(org) ? indicator(this.registrationId, org) : null;
		}

		@Override
		public Stream<Entry> stream() {
			return known().stream().map((org) -> new Entry(org, indicator(this.registrationId, org)));
		}

	}

}
