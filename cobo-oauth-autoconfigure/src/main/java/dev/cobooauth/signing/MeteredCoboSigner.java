package dev.cobooauth.signing;

import org.jspecify.annotations.Nullable;

/**
 * Tells {@link CoboSignatureMetrics} of each request signed with one key, and how long it took: a
 * key in an HSM or a cloud KMS shows its latency here.
 */
final class MeteredCoboSigner implements CoboSigner {

	private final CoboSigner delegate;

	private final String keyKind;

	private final CoboSignatureMetrics metrics;

	private MeteredCoboSigner(CoboSigner delegate, String keyKind, CoboSignatureMetrics metrics) {
		this.delegate = delegate;
		this.keyKind = keyKind;
		this.metrics = metrics;
	}

	/**
	 * @param signer the key
	 * @param keyKind {@link CoboSignatureMetrics#APP_KEY} or {@link CoboSignatureMetrics#API_KEY}
	 * @param metrics told of each signature, {@code null} for none
	 * @return the signer, metered unless there are no metrics
	 */
	static CoboSigner of(CoboSigner signer, String keyKind, @Nullable CoboSignatureMetrics metrics) {
		if (metrics == null || metrics == CoboSignatureMetrics.NONE) {
			return signer;
		}
		return new MeteredCoboSigner(signer, keyKind, metrics);
	}

	@Override
	public String publicKeyHex() {
		return this.delegate.publicKeyHex();
	}

	@Override
	public String sign(byte[] digest) {
		long started = System.nanoTime();
		String signature = this.delegate.sign(digest);
		this.metrics.requestSigned(this.keyKind, System.nanoTime() - started);
		return signature;
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
