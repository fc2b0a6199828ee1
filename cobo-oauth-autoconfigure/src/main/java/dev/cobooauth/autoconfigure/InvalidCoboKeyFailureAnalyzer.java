package dev.cobooauth.autoconfigure;

import dev.cobooauth.signing.InvalidCoboKeyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a key that cannot be used: the private key of {@code cobo.app} or {@code cobo.api-key}
 * (inline or in a file), or the public key Cobo's responses are verified with. It names where the
 * key came from and never shows the key.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidCoboKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCoboKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCoboKeyException cause) {
		String source = cause.getSource();
		String problem = cause.getMessage().substring(Math.min(cause.getMessage().length(), source.length() + 2));
		return new FailureAnalysis("The Cobo key given by " + source + " cannot be used: it " + problem + ".",
				actionFor(source), cause);
	}

	private static String actionFor(String source) {
		if (source.contains("public-key")) {
			String property = propertyOf(source);
			return "Set " + property + " to the 64 hex characters of the Ed25519 public key that signs Cobo's "
					+ "responses and deliveries (for a proxy or simulator, the key it signs with), or remove it to use "
					+ "the key of cobo.env.";
		}
		if (source.contains("private-key")) {
			String prefix = source.substring(0, source.indexOf(".private-key"));
			return "Set " + prefix + ".private-key (or the file of " + prefix + ".private-key-location) to the 32-byte "
					+ "secret as 64 hex characters: the app or API secret, not its public key, and not a PEM document. "
					+ "Check that " + prefix + ".key-type (ed25519 or secp256k1) is the type of that key.";
		}
		return "Check the key given by " + source + ".";
	}

	private static String propertyOf(String source) {
		int space = source.indexOf(' ');
		return (space < 0) ? source : source.substring(0, space);
	}

}
