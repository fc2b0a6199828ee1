package dev.cobooauth.oauth2;

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;

/**
 * Gives reactive code the {@link CoboTokenStore}'s service. Its calls may block (a database), so
 * they run on Reactor's bounded elastic scheduler, never on an event loop; the calls of a token
 * request made while holding the store's {@link TokenLock} run on the thread that holds it, inside
 * the lock's transaction.
 */
public final class ReactiveCoboTokenStoreAdapter implements ReactiveOAuth2AuthorizedClientService {

	private final OAuth2AuthorizedClientService delegate;

	/**
	 * @param store the store both stacks share
	 */
	public ReactiveCoboTokenStoreAdapter(CoboTokenStore store) {
		this.delegate = store.getAuthorizedClientService();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
			String principalName) {
		return blocking(() -> (T) this.delegate.loadAuthorizedClient(clientRegistrationId, principalName));
	}

	@Override
	public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
		return blocking(() -> {
			this.delegate.saveAuthorizedClient(authorizedClient, principal);
			return null;
		});
	}

	@Override
	public Mono<Void> removeAuthorizedClient(String clientRegistrationId, String principalName) {
		return blocking(() -> {
			this.delegate.removeAuthorizedClient(clientRegistrationId, principalName);
			return null;
		});
	}

	private static <T> Mono<T> blocking(Callable<T> call) {
		return Mono.deferContextual((context) -> Mono.fromCallable(call)
			.subscribeOn(context.<Scheduler>getOrDefault(LockHolderThread.SCHEDULER, Schedulers.boundedElastic())));
	}

}
