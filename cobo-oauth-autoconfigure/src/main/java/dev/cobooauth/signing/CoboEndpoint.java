package dev.cobooauth.signing;

import java.net.URI;
import java.util.Optional;

/**
 * Where Cobo is and how its answers are checked: the base URL (ending in {@code /v2}, no trailing
 * slash) and, unless verification is off, the verifier of its response signatures.
 *
 * @param baseUrl the base URL
 * @param responseVerifier the verifier, empty when {@code cobo.response-verification.enabled=false}
 */
public record CoboEndpoint(URI baseUrl, Optional<CoboResponseVerifier> responseVerifier) {

	/**
	 * @param path a path below the base URL, starting with {@code /}, e.g. {@code /oauth/token}
	 * @return the base URL followed by the path
	 */
	public String resolve(String path) {
		return this.baseUrl + path;
	}

}
