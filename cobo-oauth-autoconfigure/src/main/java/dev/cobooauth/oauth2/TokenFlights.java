package dev.cobooauth.oauth2;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

/**
 * The token requests in flight, at most one per (registration, principal). The first caller that
 * needs a token for a key leads: it asks Cobo and lands the flight; every other caller for that key
 * joins the flight and shares its result or its error. Keys are independent, so orgs never wait for
 * each other. One instance serves both stacks, so one application never asks twice for the same
 * org's token at once, whichever client it calls from.
 */
final class TokenFlights {

	private final ConcurrentMap<Key, CompletableFuture<@Nullable OAuth2AuthorizedClient>> flights = new ConcurrentHashMap<>();

	/**
	 * Joins the flight for a key, or opens one.
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 * @return the flight, and whether this caller leads it and must {@link #land} it
	 */
	Flight board(String registrationId, String principalName) {
		Key key = new Key(registrationId, principalName);
		CompletableFuture<@Nullable OAuth2AuthorizedClient> opened = new CompletableFuture<>();
		CompletableFuture<@Nullable OAuth2AuthorizedClient> current = this.flights.putIfAbsent(key, opened);
		return (current != null) ? new Flight(key, current, false) : new Flight(key, opened, true);
	}

	/**
	 * Completes a flight this caller leads, with a result or an error, and closes it so that the
	 * next caller starts afresh.
	 * @param flight the flight
	 * @param client the result, or {@code null}
	 * @param failure the error, or {@code null}
	 */
	void land(Flight flight, @Nullable OAuth2AuthorizedClient client, @Nullable Throwable failure) {
		this.flights.remove(flight.key(), flight.result());
		if (failure != null) {
			flight.result().completeExceptionally(failure);
		}
		else {
			flight.result().complete(client);
		}
	}

	/**
	 * One token request in flight.
	 *
	 * @param key the (registration, principal) it is for
	 * @param result completes with the authorized client or the error
	 * @param leader whether the caller that boarded leads it
	 */
	record Flight(Key key, CompletableFuture<@Nullable OAuth2AuthorizedClient> result, boolean leader) {
	}

	/**
	 * What flights are keyed by.
	 *
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 */
	record Key(String registrationId, String principalName) {
	}

}
