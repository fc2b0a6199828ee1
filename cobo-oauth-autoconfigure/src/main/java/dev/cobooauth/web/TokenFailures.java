package dev.cobooauth.web;

import java.util.Set;

import dev.cobooauth.oauth2.CoboTokenException;
import dev.cobooauth.oauth2.CoboTokenOperation;
import dev.cobooauth.oauth2.CoboTokenStoreUnavailableException;
import dev.cobooauth.signing.CoboCallFailure;
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
	 * @return 502 when Cobo was unavailable, 403 when it refused; {@code null} for a failure the
	 * starter did not raise: a token of another registration, or one another client asked for
	 */
	static @Nullable ProblemDetail problemFor(Throwable failure) {
		OAuth2AuthorizationException noToken = (OAuth2AuthorizationException) failure;
		if (!isCobos(noToken)) {
			return null;
		}
		boolean unavailable = coboUnavailable(noToken);
		String token = tokenName(noToken);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				unavailable ? HttpStatus.BAD_GATEWAY : HttpStatus.FORBIDDEN,
				unavailable ? "The " + token + " for this call could not be had now; try again later"
						: "Cobo refused the " + token + " for this call");
		problem.setTitle("No " + token);
		problem.setProperty("oauth_error", noToken.getError().getErrorCode());
		Integer errorCode = cobosErrorCode(noToken);
		if (errorCode != null) {
			problem.setProperty("error_code", errorCode);
		}
		return problem;
	}

	private static boolean isCobos(OAuth2AuthorizationException noToken) {
		if (noToken instanceof ClientAuthorizationException client) {
			return COBO_REGISTRATIONS.contains(client.getClientRegistrationId());
		}
		return noToken instanceof CoboTokenException || noToken instanceof CoboTokenStoreUnavailableException
				|| CoboCallFailure.of(noToken) != null;
	}

	private static @Nullable Integer cobosErrorCode(OAuth2AuthorizationException noToken) {
		for (Throwable cause : CoboProblemDetails.causeChain(noToken)) {
			if (cause instanceof CoboTokenException token && token.getCoboError() != null) {
				return token.getCoboError().errorCode();
			}
		}
		return null;
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
