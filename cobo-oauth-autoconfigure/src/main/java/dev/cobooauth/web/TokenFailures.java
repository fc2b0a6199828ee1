package dev.cobooauth.web;

import java.util.Set;

import dev.cobooauth.oauth2.CoboTokenException;
import dev.cobooauth.oauth2.CoboTokenOperation;
import dev.cobooauth.oauth2.CoboTokenStoreUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * The problems of a token that could not be had. Apart from {@link CoboProblemDetails}, so that
 * Spring Security's classes are loaded only when they are on the class path.
 */
final class TokenFailures {

	/** The registration of Org Access Tokens; its id is also stored with each token. */
	private static final String ORG_ACCESS_TOKEN = "cobo";

	/** The registration of Permission Access Tokens. */
	private static final String PERMISSION_TOKEN = "cobo-permission";

	private static final Set<String> COBO_REGISTRATIONS = Set.of(ORG_ACCESS_TOKEN, PERMISSION_TOKEN);

	/** Errors that say Cobo (or the token store) failed, not that it refused: worth trying again. */
	private static final Set<String> COBO_UNAVAILABLE = Set.of("temporarily_unavailable", "invalid_token_response");

	private TokenFailures() {
	}

	static boolean isTokenFailure(Throwable failure) {
		return failure instanceof OAuth2AuthorizationException;
	}

	/**
	 * @param failure an {@link OAuth2AuthorizationException}
	 * @return 502 when Cobo was unavailable, 403 when it refused; {@code null} for a token of another
	 * registration than the starter's
	 */
	static @Nullable ProblemDetail problemFor(Throwable failure) {
		OAuth2AuthorizationException noToken = (OAuth2AuthorizationException) failure;
		if (noToken instanceof ClientAuthorizationException client
				&& !COBO_REGISTRATIONS.contains(client.getClientRegistrationId())) {
			return null;
		}
		HttpStatus status = coboUnavailable(noToken) ? HttpStatus.BAD_GATEWAY : HttpStatus.FORBIDDEN;
		String detail = (noToken.getMessage() != null) ? noToken.getMessage() : noToken.getError().toString();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle("No " + tokenName(noToken));
		problem.setProperty("oauth_error", noToken.getError().getErrorCode());
		return problem;
	}

	private static boolean coboUnavailable(OAuth2AuthorizationException noToken) {
		if (COBO_UNAVAILABLE.contains(noToken.getError().getErrorCode())) {
			return true;
		}
		for (Throwable cause : CoboProblemDetails.causeChain(noToken)) {
			if (cause instanceof CoboTokenStoreUnavailableException
					|| (cause instanceof CoboTokenException token && token.isTransient())) {
				return true;
			}
		}
		return false;
	}

	private static String tokenName(OAuth2AuthorizationException noToken) {
		if (noToken instanceof ClientAuthorizationException client) {
			return PERMISSION_TOKEN.equals(client.getClientRegistrationId())
					? "Permission Access Token" : "Org Access Token";
		}
		if (noToken instanceof CoboTokenException token) {
			return token.getOperation().getRefreshOperation() == CoboTokenOperation.REFRESH_PERMISSION_TOKEN
					? "Permission Access Token" : "Org Access Token";
		}
		return "Cobo access token";
	}

}
