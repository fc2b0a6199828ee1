package dev.cobooauth.autoconfigure;

/**
 * Thrown at startup when {@code cobo.app.fail-fast} is on and the Org Access Token of an org of
 * {@code cobo.app.orgs} could not be obtained. {@link OrgTokenWarmUpFailureAnalyzer} explains it.
 */
class OrgTokenWarmUpException extends IllegalStateException {

	private final String org;

	/**
	 * @param org the org whose token could not be obtained
	 * @param failure why: Cobo's refusal, no answer, or a token store that failed
	 */
	OrgTokenWarmUpException(String org, Throwable failure) {
		super("cobo.app.fail-fast is on and the Org Access Token of org " + org + " could not be obtained at startup: "
				+ failure.getMessage(), failure);
		this.org = org;
	}

	/** @return the org whose token could not be obtained */
	String getOrg() {
		return this.org;
	}

}
