package dev.cobooauth.signing;

/**
 * Told what happens to Cobo signatures on the wire, so they can be counted: each request signed,
 * with the kind of key and how long signing took, and each response refused for its signature.
 * Implementations must be fast and must not throw. {@link #NONE} ignores everything.
 */
public interface CoboSignatureMetrics {

	/** Ignores everything. */
	CoboSignatureMetrics NONE = new CoboSignatureMetrics() {
	};

	/** Kind of key of a Portal App ({@code cobo.app.*}). */
	String APP_KEY = "app";

	/** Kind of key of an organization's API key ({@code cobo.api-key.*}). */
	String API_KEY = "api-key";

	/**
	 * @param keyKind {@value #APP_KEY} or {@value #API_KEY}
	 * @param nanos how long signing took
	 */
	default void requestSigned(String keyKind, long nanos) {
	}

	/**
	 * @param reason why a response was refused
	 */
	default void responseRejected(CoboResponseSignatureException.Reason reason) {
	}

}
