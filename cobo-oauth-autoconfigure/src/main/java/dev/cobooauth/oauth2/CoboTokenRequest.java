package dev.cobooauth.oauth2;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One call to a Cobo token endpoint as it goes on the wire: method, URI, optional JSON body.
 * Built by {@link CoboTokenRequests}; sent by a RestClient or WebClient transport.
 *
 * @param operation which of the four operations it is
 * @param method GET or POST
 * @param uri the token endpoint, with its query for GET
 * @param jsonBody the fields of the JSON body; {@code null} for GET
 * @param spentRefreshToken the refresh token this call spends, kept if the answer lacks a new one;
 * {@code null} when none is spent
 */
record CoboTokenRequest(CoboTokenOperation operation, HttpMethod method, String uri,
		@Nullable Map<String, String> jsonBody, @Nullable String spentRefreshToken) {

	@Override
	public String toString() {
		return "CoboTokenRequest[" + this.operation.getTitle() + " " + this.method + " " + this.uri + "]";
	}

}
