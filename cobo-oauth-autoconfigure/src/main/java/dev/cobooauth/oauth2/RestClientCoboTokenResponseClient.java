package dev.cobooauth.oauth2;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.cobooauth.signing.CoboRedirectException;
import dev.cobooauth.signing.CoboResponseSignatureException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Obtains tokens from Cobo over a {@link RestClient} that signs requests and verifies responses
 * (see {@link dev.cobooauth.signing.CoboRestClientConfigurer}). Spring Security's own token
 * clients can only POST forms; Cobo wants a signed GET with a query, or a signed JSON POST.
 *
 * @param <T> the grant request it serves
 */
final class RestClientCoboTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private final RestClient restClient;

	private final Function<T, CoboTokenRequest> requests;

	private final CoboTokenResponseReader reader;

	private final Predicate<HttpHeaders> signed;

	/**
	 * @param restClient a client that signs with the right key and verifies Cobo's signatures
	 * @param requests what a grant request sends, e.g. {@link CoboTokenRequests#orgImplicit}
	 * @param clock what a {@code Retry-After} date is measured from
	 * @param signed tells an answer whose Cobo signature was checked from one that came unsigned
	 * @param unsignedRetryAfterBound the longest {@code Retry-After} of an unsigned answer honoured
	 */
	RestClientCoboTokenResponseClient(RestClient restClient, Function<T, CoboTokenRequest> requests, Clock clock,
			Predicate<HttpHeaders> signed, Duration unsignedRetryAfterBound) {
		if (restClient == null) {
			throw new IllegalArgumentException("restClient cannot be null");
		}
		if (requests == null) {
			throw new IllegalArgumentException("requests cannot be null");
		}
		this.restClient = restClient;
		this.requests = requests;
		this.reader = new CoboTokenResponseReader(clock, unsignedRetryAfterBound);
		this.signed = signed;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T grantRequest) {
		CoboTokenRequest request = this.requests.apply(grantRequest);
		try {
			RestClient.RequestBodySpec call = this.restClient.method(request.method())
				.uri(URI.create(request.uri()))
				.accept(MediaType.APPLICATION_JSON);
			if (request.jsonBody() != null) {
				call.contentType(MediaType.APPLICATION_JSON).body(CoboTokenRequestBody.of(request));
			}
			return call.exchange((httpRequest, response) -> {
				int status = response.getStatusCode().value();
				String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
				if (!this.signed.test(response.getHeaders()) && CoboTokenErrors.isProxyStatus(status)) {
					return this.reader.readUnsigned(request, status, retryAfter);
				}
				return this.reader.read(request, status, retryAfter, StreamUtils.copyToByteArray(response.getBody()));
			});
		}
		catch (CoboResponseSignatureException | CoboRedirectException ex) {
			throw CoboTokenErrors.invalidResponse(request.operation(), ex.getMessage(), ex);
		}
		catch (ResourceAccessException ex) {
			throw CoboTokenErrors.unreachable(request.operation(), ex);
		}
	}

}
