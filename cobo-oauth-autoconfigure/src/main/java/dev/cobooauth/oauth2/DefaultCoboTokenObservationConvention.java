package dev.cobooauth.oauth2;

import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The starter's names: observation {@value #NAME} (a timer of that name with a meter registry),
 * low-cardinality keys {@value #OPERATION} ({@code get_org_access_token},
 * {@code refresh_org_access_token}, {@code exchange_permission_token},
 * {@code refresh_permission_token}), {@value #GRANT_TYPE}, {@value #OUTCOME} ({@code success} or
 * {@code error}) and {@value #ERROR_CODE} (the OAuth error code, {@code none} on success,
 * {@code unknown} for a failure that is not an OAuth error), and the high-cardinality key
 * {@value #PRINCIPAL} (the org, or the API key's public key).
 */
public class DefaultCoboTokenObservationConvention implements CoboTokenObservationConvention {

	/** Name of the observation, and of the timer it makes. */
	public static final String NAME = "cobo.token.requests";

	/** Key of the token operation. */
	public static final String OPERATION = "operation";

	/** Key of the OAuth grant type. */
	public static final String GRANT_TYPE = "grant.type";

	/** Key of the outcome: {@code success} or {@code error}. */
	public static final String OUTCOME = "outcome";

	/** Key of the OAuth error code, {@code none} on success. */
	public static final String ERROR_CODE = "error.code";

	/** High-cardinality key of the principal the token is for. */
	public static final String PRINCIPAL = "principal";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(CoboTokenObservationContext context) {
		return "cobo " + context.getOperation().getTitle().toLowerCase(Locale.ROOT);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CoboTokenObservationContext context) {
		boolean failed = context.getError() != null;
		String errorCode = context.getOAuth2ErrorCode();
		return KeyValues.of(KeyValue.of(OPERATION, context.getOperation().name().toLowerCase(Locale.ROOT)),
				KeyValue.of(GRANT_TYPE, context.getOperation().getGrantType().getValue()),
				KeyValue.of(OUTCOME, failed ? "error" : "success"),
				KeyValue.of(ERROR_CODE, !failed ? "none" : (errorCode != null) ? errorCode : "unknown"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CoboTokenObservationContext context) {
		return KeyValues.of(PRINCIPAL, context.getPrincipalName());
	}

}
