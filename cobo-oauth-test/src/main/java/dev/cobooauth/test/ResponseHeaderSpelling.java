package dev.cobooauth.test;

/**
 * How the simulator spells the two response-signature headers. Cobo's SDKs disagree on the spelling,
 * so a client must read both; choosing one here lets a test prove that it does.
 * <p>
 * The JDK's HTTP server sends every header name with only its first letter upper case
 * ({@code Biz-timestamp}), which also proves the client ignores letter case.
 */
public enum ResponseHeaderSpelling {

	/** {@code BIZ-TIMESTAMP} and {@code BIZ-RESP-SIGNATURE}, as the Python SDK reads them. The default. */
	HYPHEN("BIZ-TIMESTAMP", "BIZ-RESP-SIGNATURE"),

	/** {@code BIZ_TIMESTAMP} and {@code BIZ_RESP_SIGNATURE}, as the Java SDK reads them. */
	UNDERSCORE("BIZ_TIMESTAMP", "BIZ_RESP_SIGNATURE");

	private final String timestampHeader;

	private final String signatureHeader;

	ResponseHeaderSpelling(String timestampHeader, String signatureHeader) {
		this.timestampHeader = timestampHeader;
		this.signatureHeader = signatureHeader;
	}

	/** @return the name of the header carrying the response timestamp */
	public String timestampHeader() {
		return this.timestampHeader;
	}

	/** @return the name of the header carrying the response signature */
	public String signatureHeader() {
		return this.signatureHeader;
	}

}
