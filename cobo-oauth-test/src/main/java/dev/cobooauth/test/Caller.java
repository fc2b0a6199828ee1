package dev.cobooauth.test;

/**
 * Who signed a request, known from its {@code BIZ-API-KEY} once the signature is verified.
 */
sealed interface Caller permits Caller.App, Caller.ApiKey {

	/** @return who this is, for error messages */
	String describe();

	/**
	 * A Cobo Portal App, signing with its app key; it acts for an org through an Org Access Token.
	 *
	 * @param clientId the app's client id
	 */
	record App(String clientId) implements Caller {

		@Override
		public String describe() {
			return "the app key of client '" + this.clientId + "'";
		}

	}

	/**
	 * An org's own backend, signing with its API key; it acts for that org.
	 *
	 * @param orgId the org the key belongs to
	 */
	record ApiKey(String orgId) implements Caller {

		@Override
		public String describe() {
			return "an API key of org '" + this.orgId + "'";
		}

	}

}
