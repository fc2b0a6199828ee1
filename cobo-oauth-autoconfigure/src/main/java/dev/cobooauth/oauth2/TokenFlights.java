package dev.cobooauth.oauth2;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

/**
 * The token requests in flight, at most one per (registration, principal). The first caller that
 * needs a token for a key leads: it asks Cobo and completes the flight; every other caller for that
 * key joins the flight and shares its result or its error. Keys are independent, so orgs never wait
 * for each other. Shared by the servlet and reactive managers, so one application never asks twice
 * for the same org's token at once, whichever client it calls from.
 * <p>
 * Refreshes that nobody waits for (a token still valid but inside its refresh margin) fly on a
 * small pool of daemon threads owned here and stopped by {@link #close()}.
 */
public final class TokenFlights implements AutoCloseable {

	private final ConcurrentMap<Key, CompletableFuture<OAuth2AuthorizedClient>> flights = new ConcurrentHashMap<>();

	private final AtomicInteger threads = new AtomicInteger();

	private final ExecutorService background = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "cobo-token-refresh-" + this.threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Joins the flight for a key, or opens one.
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 * @return the flight, and whether this caller leads it and must {@link #land} it
	 */
	public Flight board(String registrationId, String principalName) {
		Key key = new Key(registrationId, principalName);
		CompletableFuture<OAuth2AuthorizedClient> opened = new CompletableFuture<>();
		CompletableFuture<OAuth2AuthorizedClient> current = this.flights.putIfAbsent(key, opened);
		return (current != null) ? new Flight(key, current, false) : new Flight(key, opened, true);
	}

	/**
	 * Completes a flight this caller leads, with a result or an error, and closes it so that the
	 * next caller starts afresh.
	 * @param flight the flight
	 * @param client the result, or {@code null}
	 * @param failure the error, or {@code null}
	 */
	public void land(Flight flight, OAuth2AuthorizedClient client, Throwable failure) {
		this.flights.remove(flight.key(), flight.result());
		if (failure != null) {
			flight.result().completeExceptionally(failure);
		}
		else {
			flight.result().complete(client);
		}
	}

	/**
	 * Runs a flight nobody waits for on a background thread.
	 * @param flight the work of a flight this caller leads
	 */
	public void inBackground(Runnable flight) {
		this.background.execute(flight);
	}

	/**
	 * Stops the background threads; flights in progress finish.
	 */
	@Override
	public void close() {
		this.background.shutdown();
	}

	/**
	 * One token request in flight.
	 *
	 * @param key the (registration, principal) it is for
	 * @param result completes with the authorized client or the error
	 * @param leader whether the caller that boarded leads it
	 */
	public record Flight(Key key, CompletableFuture<OAuth2AuthorizedClient> result, boolean leader) {
	}

	/**
	 * What flights are keyed by.
	 *
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 */
	public record Key(String registrationId, String principalName) {
	}

}
