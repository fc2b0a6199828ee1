package dev.cobooauth.test;

/**
 * The four ways the simulator issues a token pair, as counted by {@link SimulatorCounters#grant(Grant)}.
 */
public enum Grant {

	/** {@code GET /v2/oauth/token} with {@code grant_type=org_implicit}: a first Org Access Token. */
	ORG_IMPLICIT("org_implicit"),

	/** {@code POST /v2/oauth/token} with {@code grant_type=refresh_token}: a rotated Org Access Token. */
	REFRESH_TOKEN("refresh_token"),

	/** {@code POST /v2/oauth/permission_token/exchange}: a first Permission Access Token. */
	PERMISSION_EXCHANGE("permission_exchange"),

	/** {@code POST /v2/oauth/permission_token/refresh}: a rotated Permission Access Token. */
	PERMISSION_REFRESH("permission_refresh");

	private final String value;

	Grant(String value) {
		this.value = value;
	}

	/** @return the grant's name: the {@code grant_type} on the wire for the Org Access Token grants */
	public String value() {
		return this.value;
	}

}
