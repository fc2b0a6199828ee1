package dev.cobooauth.oauth2.client;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;

/**
 * Gives reactive code the {@link CoboTokenStore}'s service. Its calls may block (a database), so
 * they run on Reactor's bounded elastic scheduler, never on an event loop.
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
		return Mono.fromCallable(() -> (T) this.delegate.loadAuthorizedClient(clientRegistrationId, principalName))
			.subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
		return Mono.fromRunnable(() -> this.delegate.saveAuthorizedClient(authorizedClient, principal))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

	@Override
	public Mono<Void> removeAuthorizedClient(String clientRegistrationId, String principalName) {
		return Mono.fromRunnable(() -> this.delegate.removeAuthorizedClient(clientRegistrationId, principalName))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

}
