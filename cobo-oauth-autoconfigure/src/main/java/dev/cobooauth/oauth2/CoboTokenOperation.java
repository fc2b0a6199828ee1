package dev.cobooauth.oauth2;

import java.time.Duration;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The four token operations of Cobo's OAuth API, with what a caller needs to know of each: its
 * name in errors, and the lifetime Cobo documents, used when an answer lacks {@code expires_in}.
 */
public enum CoboTokenOperation {

	/** {@code GET /oauth/token} with {@code grant_type=org_implicit}. */
	GET_ORG_ACCESS_TOKEN("Get Org Access Token", Duration.ofSeconds(43199)),

	/** {@code POST /oauth/token} with {@code grant_type=refresh_token}. */
	REFRESH_ORG_ACCESS_TOKEN("Refresh Org Access Token", Duration.ofSeconds(43199)),

	/** {@code POST /oauth/permission_token/exchange}. */
	EXCHANGE_PERMISSION_TOKEN("Exchange Permission Access Token", Duration.ofSeconds(3600)),

	/** {@code POST /oauth/permission_token/refresh}. */
	REFRESH_PERMISSION_TOKEN("Refresh Permission Access Token", Duration.ofSeconds(3600));

	private final String title;

	private final Duration documentedLifetime;

	CoboTokenOperation(String title, Duration documentedLifetime) {
		this.title = title;
		this.documentedLifetime = documentedLifetime;
	}

	/** @return the operation's name in Cobo's API reference */
	public String getTitle() {
		return this.title;
	}

	/** @return the access token lifetime Cobo documents for this operation */
	public Duration getDocumentedLifetime() {
		return this.documentedLifetime;
	}

	/** @return whether the operation spends a refresh token */
	public boolean isRefresh() {
		return this == REFRESH_ORG_ACCESS_TOKEN || this == REFRESH_PERMISSION_TOKEN;
	}

	/**
	 * @return the OAuth grant type the operation uses: {@code org_implicit},
	 * {@code refresh_token} or the permission token exchange
	 */
	public AuthorizationGrantType getGrantType() {
		return switch (this) {
			case GET_ORG_ACCESS_TOKEN -> CoboAuthorizationGrantTypes.ORG_IMPLICIT;
			case EXCHANGE_PERMISSION_TOKEN -> CoboAuthorizationGrantTypes.PERMISSION_TOKEN;
			case REFRESH_ORG_ACCESS_TOKEN, REFRESH_PERMISSION_TOKEN -> AuthorizationGrantType.REFRESH_TOKEN;
		};
	}

	/**
	 * @return the operation that refreshes the tokens this one obtains; a refresh is its own
	 */
	public CoboTokenOperation getRefreshOperation() {
		return switch (this) {
			case GET_ORG_ACCESS_TOKEN, REFRESH_ORG_ACCESS_TOKEN -> REFRESH_ORG_ACCESS_TOKEN;
			case EXCHANGE_PERMISSION_TOKEN, REFRESH_PERMISSION_TOKEN -> REFRESH_PERMISSION_TOKEN;
		};
	}

}
