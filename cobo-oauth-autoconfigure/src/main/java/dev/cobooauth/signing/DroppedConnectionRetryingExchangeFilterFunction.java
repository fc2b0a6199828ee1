package dev.cobooauth.signing;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends a GET or HEAD of a {@code WebClient} once more when its connection went away before any
 * response ({@link DroppedConnections}). It is the first filter, so the second attempt goes through
 * the whole chain again: it carries the current token and a new nonce and signature.
 * <p>
 * An error can also come from a filter that reads a response's body, after the response arrived;
 * only the connector can tell the two apart. So {@link #WIRE} goes after signing, nearest the
 * connector, and notes the error an attempt ended with before any response, in an object that this
 * filter gives each attempt as an attribute (filters copy a request's attributes, not the objects
 * in them); this filter sends the request again only for that very error.
 * <p>
 * The JDK's client already sends a dropped GET again once by itself, with the same bytes and so
 * the same nonce; this retry comes after that one and is the only one with Reactor Netty.
 */
final class DroppedConnectionRetryingExchangeFilterFunction implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(DroppedConnectionRetryingExchangeFilterFunction.class);

	private static final String ATTEMPT = DroppedConnectionRetryingExchangeFilterFunction.class.getName()
			+ ".attempt";

	/**
	 * The last filter, after signing: it changes nothing, and notes the error with which the
	 * connector failed to bring any response.
	 */
	static final ExchangeFilterFunction WIRE = (request, next) -> {
		if (!(request.attribute(ATTEMPT).orElse(null) instanceof Attempt attempt)) {
			return next.exchange(request);
		}
		return next.exchange(request).doOnError((ex) -> attempt.noResponse = ex);
	};

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!DroppedConnections.mayResend(request.method())) {
			return next.exchange(request);
		}
		return Mono.defer(() -> {
			Attempt attempt = new Attempt();
			ClientRequest watched = ClientRequest.from(request).attribute(ATTEMPT, attempt).build();
			return next.exchange(watched)
				.onErrorResume((ex) -> ex == attempt.noResponse && DroppedConnections.isDropped(ex), (ex) -> {
					logger.debug(DroppedConnections.describeResend(request.method(), request.url(), ex));
					return next.exchange(request);
				});
		});
	}

	/**
	 * One attempt, as the filters after this one see it.
	 */
	private static final class Attempt {

		/** The error the connector ended the attempt with before any response, if it did. */
		private volatile @Nullable Throwable noResponse;

	}

}
