package dev.cobooauth.transactions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.cobooauth.oauth2.CoboOrg;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;

/**
 * The reactive face of {@link CoboTransactions}, on a {@code WebClient}, with the same exactly-once
 * guarantee: a create whose outcome is unknown is resolved by its {@code request_id} before the
 * {@code Mono} emits, without blocking a thread while it waits. Inject the
 * {@code coboReactiveTransactions} bean, which acts for {@code cobo.app.default-org}, and call
 * {@link #forOrg(String)} for any other org. Cobo's refusals are signalled as the
 * {@link WebClientResponseException} they are. Thread-safe.
 */
public final class ReactiveCoboTransactions {

	private final WebClient client;

	private final CoboTransactions.Settings settings;

	private final Consumer<Map<String, Object>> org;

	private ReactiveCoboTransactions(WebClient client, CoboTransactions.Settings settings,
			Consumer<Map<String, Object>> org) {
		this.client = client;
		this.settings = settings;
		this.org = org;
	}

	/**
	 * @param client a client that signs, authorizes and verifies Cobo's calls, e.g. the bean
	 * {@code coboWebClient} or {@code coboApiKeyWebClient}
	 * @return a builder of transactions over that client
	 */
	public static Builder builder(WebClient client) {
		return new Builder(client);
	}

	/**
	 * @param orgId the organization
	 * @return the same transactions acting for that org
	 */
	public ReactiveCoboTransactions forOrg(String orgId) {
		return new ReactiveCoboTransactions(this.client, this.settings, CoboOrg.id(orgId));
	}

	/**
	 * @param request the transfer
	 * @return the transaction its {@code request_id} created, or {@link CoboOutcomeUnknownException},
	 * or Cobo's refusal
	 */
	public Mono<CreatedTransaction> transfer(TransferRequest request) {
		return create(TransactionUris.TRANSFER, request.requestId(), request);
	}

	/**
	 * @param request the contract call
	 * @return the transaction its {@code request_id} created
	 */
	public Mono<CreatedTransaction> contractCall(ContractCallRequest request) {
		return create(TransactionUris.CONTRACT_CALL, request.requestId(), request);
	}

	/**
	 * @param request the message to sign
	 * @return the transaction its {@code request_id} created
	 */
	public Mono<CreatedTransaction> messageSign(MessageSignRequest request) {
		return create(TransactionUris.MESSAGE_SIGN, request.requestId(), request);
	}

	/**
	 * @param transactionId Cobo's id of a transaction
	 * @return the transaction
	 */
	public Mono<CoboTransaction> get(String transactionId) {
		TransactionUris.requireText(transactionId, "transactionId");
		return this.client.get()
			.uri((uri) -> TransactionUris.one(uri, transactionId))
			.attributes(this.org)
			.retrieve()
			.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.map(TransactionJson::transaction);
	}

	/**
	 * @param requestId the {@code request_id} a transaction was created with
	 * @return the transaction it created, or empty when Cobo has none
	 */
	public Mono<CoboTransaction> findByRequestId(String requestId) {
		TransactionUris.requireText(requestId, "requestId");
		return page((uri) -> TransactionUris.byRequestId(uri, requestId))
			.flatMap((page) -> Mono.justOrEmpty(page.data().stream().findFirst()));
	}

	/**
	 * @param query the filters
	 * @return the org's transactions that match, newest first; each page is fetched when the one before
	 * it has been emitted, following Cobo's {@code after} cursor
	 */
	public Flux<CoboTransaction> list(TransactionQuery query) {
		if (query == null) {
			return Flux.error(new IllegalArgumentException("query cannot be null"));
		}
		return page((uri) -> TransactionUris.page(uri, query, null))
			.expand((page) -> page.isLast() ? Mono.empty()
					: page((uri) -> TransactionUris.page(uri, query, page.after())))
			.concatMapIterable(TransactionJson.TransactionPage::data);
	}

	private Mono<TransactionJson.TransactionPage> page(Function<UriBuilder, URI> uri) {
		return this.client.get()
			.uri(uri)
			.attributes(this.org)
			.retrieve()
			.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.map(TransactionJson::page);
	}

	private Mono<CreatedTransaction> create(String path, String requestId, Object request) {
		return Mono.defer(() -> {
			byte[] body = TransactionJson.write(request);
			Resolution resolution = new Resolution(requestId, this.settings.clock(), this.settings.resolveTimeout(),
					this.settings.metrics());
			return send(path, body).flatMap((attempt) -> next(resolution.afterAttempt(attempt), resolution, path,
					body, requestId));
		});
	}

	private Mono<CreatedTransaction> next(Resolution.Step step, Resolution resolution, String path, byte[] body,
			String requestId) {
		if (step instanceof Resolution.Step.Done done) {
			return Mono.just(done.transaction());
		}
		if (step instanceof Resolution.Step.Fail fail) {
			return Mono.error(fail.failure());
		}
		if (step instanceof Resolution.Step.Resend) {
			return send(path, body)
				.flatMap((attempt) -> next(resolution.afterAttempt(attempt), resolution, path, body, requestId));
		}
		Duration delay = ((Resolution.Step.LookUp) step).delay();
		Mono<Resolution.Step> lookUp = findByRequestId(requestId)
			.map((found) -> resolution.afterLookup(found, null))
			.switchIfEmpty(Mono.fromSupplier(() -> resolution.afterLookup(null, null)))
			.onErrorResume((ex) -> Mono.just(resolution.afterLookup(null, ex)));
		Mono<Resolution.Step> delayed = delay.isZero() ? lookUp : Mono.delay(delay).then(lookUp);
		return delayed.flatMap((after) -> next(after, resolution, path, body, requestId));
	}

	private Mono<Attempt> send(String path, byte[] body) {
		return this.client.post()
			.uri(path)
			.attributes(this.org)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((answer) -> CreateAnswers.ofAnswer(response.statusCode().value(),
						response.headers().asHttpHeaders(), answer, () -> refusal(response, answer))))
			.onErrorResume((ex) -> Mono.just(CreateAnswers.ofFailure(ex,
					ex instanceof WebClientRequestException || ex instanceof TimeoutException)));
	}

	private static WebClientResponseException refusal(ClientResponse response, byte[] body) {
		return WebClientResponseException.create(response.statusCode(), "", response.headers().asHttpHeaders(), body,
				StandardCharsets.UTF_8, response.request());
	}

	/** Builds {@link ReactiveCoboTransactions}; every setting has a default. */
	public static final class Builder extends TransactionsBuilder<Builder, WebClient> {

		private Builder(WebClient client) {
			super(client);
		}

		/** @return transactions acting for the client's default org */
		public ReactiveCoboTransactions build() {
			return new ReactiveCoboTransactions(client(), settings(), (attributes) -> {
			});
		}

	}

}
