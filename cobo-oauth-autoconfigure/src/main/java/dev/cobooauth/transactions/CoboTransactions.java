package dev.cobooauth.transactions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.cobooauth.oauth2.CoboOrg;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;

/**
 * Cobo's transactions for one organization, on a {@code RestClient}: creates transfers, contract calls
 * and message signs exactly once, and reads transactions back. Inject the {@code coboTransactions}
 * bean, which acts for {@code cobo.app.default-org}, and call {@link #forOrg(String)} for any other
 * org:
 * <pre>
 * CreatedTransaction created = transactions.forOrg(orgId).transfer(TransferRequest.builder()
 *     .source(TransactionSource.of("Org-Controlled", walletId))
 *     .tokenId("ETH")
 *     .toAddress("0x...", "0.001")
 *     .build());
 * </pre>
 * <b>Exactly once.</b> When a create's outcome is unknown (an I/O error once the request may have left,
 * a read timeout, a 5XX, an answer whose signature does not verify, or Cobo's 12009 / 30001 duplicate
 * {@code request_id}), it is resolved by its {@code request_id} before anything is answered: the
 * transaction found is answered as if Cobo's first answer had arrived; a request Cobo is known not to
 * have processed (an unsigned proxy answer, a signature refusal) is sent again with the same
 * {@code request_id}; otherwise it is looked up again with backoff for at most
 * {@code cobo.transactions.resolve-timeout}, and then a {@link CoboOutcomeUnknownException} carries the
 * {@code request_id}. A transaction Cobo created is never reported as a failure, and there is never a
 * second transaction for one {@code request_id}. Any other refusal is Cobo's answer, thrown as the
 * {@link RestClientResponseException} it is.
 * <p>
 * Thread-safe. Calls block the calling thread, for up to the resolve timeout when an answer is lost.
 */
public final class CoboTransactions {

	private final RestClient client;

	private final Settings settings;

	private final Consumer<Map<String, Object>> org;

	private CoboTransactions(RestClient client, Settings settings, Consumer<Map<String, Object>> org) {
		this.client = client;
		this.settings = settings;
		this.org = org;
	}

	/**
	 * @param client a client that signs, authorizes and verifies Cobo's calls, e.g. the bean
	 * {@code coboRestClient} (an org's Org Access Token) or {@code coboApiKeyRestClient} (your own org)
	 * @return a builder of transactions over that client
	 */
	public static Builder builder(RestClient client) {
		return new Builder(client);
	}

	/**
	 * @param orgId the organization, as Cobo delivered it when the org installed the app
	 * @return the same transactions acting for that org
	 */
	public CoboTransactions forOrg(String orgId) {
		return new CoboTransactions(this.client, this.settings, CoboOrg.id(orgId));
	}

	/**
	 * @param request the transfer
	 * @return the transaction its {@code request_id} created
	 * @throws CoboOutcomeUnknownException if it could not be known in time whether Cobo created it
	 * @throws RestClientResponseException if Cobo refused it: nothing was created
	 */
	public CreatedTransaction transfer(TransferRequest request) {
		return create(TransactionUris.TRANSFER, request.requestId(), request);
	}

	/**
	 * @param request the contract call
	 * @return the transaction its {@code request_id} created
	 * @throws CoboOutcomeUnknownException if it could not be known in time whether Cobo created it
	 * @throws RestClientResponseException if Cobo refused it: nothing was created
	 */
	public CreatedTransaction contractCall(ContractCallRequest request) {
		return create(TransactionUris.CONTRACT_CALL, request.requestId(), request);
	}

	/**
	 * @param request the message to sign
	 * @return the transaction its {@code request_id} created
	 * @throws CoboOutcomeUnknownException if it could not be known in time whether Cobo created it
	 * @throws RestClientResponseException if Cobo refused it: nothing was created
	 */
	public CreatedTransaction messageSign(MessageSignRequest request) {
		return create(TransactionUris.MESSAGE_SIGN, request.requestId(), request);
	}

	/**
	 * @param transactionId Cobo's id of a transaction
	 * @return the transaction
	 * @throws RestClientResponseException if Cobo refuses, e.g. 404 for a transaction it does not know
	 */
	public CoboTransaction get(String transactionId) {
		TransactionUris.requireText(transactionId, "transactionId");
		byte[] body = this.client.get()
			.uri((uri) -> TransactionUris.one(uri, transactionId))
			.attributes(this.org)
			.retrieve()
			.body(byte[].class);
		return TransactionJson.transaction((body != null) ? body : new byte[0]);
	}

	/**
	 * @param requestId the {@code request_id} a transaction was created with
	 * @return the transaction it created, or empty when Cobo has none
	 */
	public Optional<CoboTransaction> findByRequestId(String requestId) {
		TransactionUris.requireText(requestId, "requestId");
		return page((uri) -> TransactionUris.byRequestId(uri, requestId)).data().stream().findFirst();
	}

	/**
	 * @param query the filters
	 * @return the org's transactions that match, newest first; each page is fetched when the stream
	 * reaches it, following Cobo's {@code after} cursor
	 */
	public Stream<CoboTransaction> list(TransactionQuery query) {
		if (query == null) {
			throw new IllegalArgumentException("query cannot be null");
		}
		Iterator<CoboTransaction> pages = new PageIterator(query);
		return StreamSupport.stream(
				Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

	private TransactionJson.TransactionPage page(Function<UriBuilder, URI> uri) {
		byte[] body = this.client.get().uri(uri).attributes(this.org).retrieve().body(byte[].class);
		return TransactionJson.page((body != null) ? body : new byte[0]);
	}

	private CreatedTransaction create(String path, String requestId, Object request) {
		byte[] body = TransactionJson.write(request);
		Resolution resolution = new Resolution(requestId, this.settings.clock, this.settings.resolveTimeout,
				this.settings.metrics);
		Resolution.Step step = resolution.afterAttempt(send(path, body));
		while (true) {
			if (step instanceof Resolution.Step.Done done) {
				return done.transaction();
			}
			if (step instanceof Resolution.Step.Fail fail) {
				throw fail.failure();
			}
			if (step instanceof Resolution.Step.Resend) {
				step = resolution.afterAttempt(send(path, body));
			}
			else {
				pause(((Resolution.Step.LookUp) step).delay(), requestId);
				step = lookUp(resolution, requestId);
			}
		}
	}

	private Attempt send(String path, byte[] body) {
		try {
			Attempt attempt = this.client.post()
				.uri(path)
				.attributes(this.org)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					byte[] answer = StreamUtils.copyToByteArray(response.getBody());
					HttpStatusCode status = response.getStatusCode();
					String statusText = response.getStatusText();
					HttpHeaders headers = response.getHeaders();
					return CreateAnswers.ofAnswer(status.value(), headers, answer,
							() -> refusal(status, statusText, headers, answer));
				}, true);
			return (attempt != null) ? attempt : new Attempt.Unknown(new IllegalStateException("No answer"), false);
		}
		catch (RuntimeException ex) {
			return CreateAnswers.ofFailure(ex, ex instanceof ResourceAccessException);
		}
	}

	private Resolution.Step lookUp(Resolution resolution, String requestId) {
		try {
			return resolution.afterLookup(findByRequestId(requestId).orElse(null), null);
		}
		catch (RuntimeException ex) {
			return resolution.afterLookup(null, ex);
		}
	}

	private static void pause(Duration delay, String requestId) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CoboOutcomeUnknownException(requestId, delay, ex);
		}
	}

	private static RestClientResponseException refusal(HttpStatusCode status, String statusText, HttpHeaders headers,
			byte[] body) {
		if (status.is4xxClientError()) {
			return HttpClientErrorException.create(status, statusText, headers, body, StandardCharsets.UTF_8);
		}
		if (status.is5xxServerError()) {
			return HttpServerErrorException.create(status, statusText, headers, body, StandardCharsets.UTF_8);
		}
		return new RestClientResponseException(status.value() + " " + statusText, status, statusText, headers, body,
				StandardCharsets.UTF_8);
	}

	/** Walks the pages of a list, fetching the next one when the current one is used up. */
	private final class PageIterator implements Iterator<CoboTransaction> {

		private final TransactionQuery query;

		private Iterator<CoboTransaction> current = List.<CoboTransaction>of().iterator();

		private @Nullable String after;

		private boolean last;

		PageIterator(TransactionQuery query) {
			this.query = query;
		}

		@Override
		public boolean hasNext() {
			while (!this.current.hasNext() && !this.last) {
				String cursor = this.after;
				TransactionJson.TransactionPage page = page((uri) -> TransactionUris.page(uri, this.query, cursor));
				this.current = page.data().iterator();
				this.after = page.after();
				this.last = page.isLast();
			}
			return this.current.hasNext();
		}

		@Override
		public CoboTransaction next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.current.next();
		}

	}

	/** What every org's transactions share. */
	record Settings(Clock clock, Duration resolveTimeout, CoboTransactionMetrics metrics) {

		Settings {
			if (resolveTimeout.isNegative() || resolveTimeout.isZero()) {
				throw new IllegalArgumentException("resolveTimeout must be positive, was " + resolveTimeout);
			}
		}

	}

	/** Builds {@link CoboTransactions}; every setting has a default. */
	public static final class Builder extends TransactionsBuilder<Builder, RestClient> {

		private Builder(RestClient client) {
			super(client);
		}

		/** @return transactions acting for the client's default org */
		public CoboTransactions build() {
			return new CoboTransactions(client(), settings(), (attributes) -> {
			});
		}

	}

}
