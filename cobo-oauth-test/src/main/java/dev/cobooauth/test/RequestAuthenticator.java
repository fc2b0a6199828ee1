package dev.cobooauth.test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides whether a request is authentic, as Cobo does: the three {@code BIZ-API-*} headers are present,
 * the key is registered, the nonce is a fresh millisecond timestamp, the signature verifies over
 * {@code METHOD|PATH|NONCE|QUERY|BODY} (the path as received, the query re-encoded by
 * {@link QueryParameters}, the body's exact bytes), and the same key and signature were not seen
 * before within the nonce window. Thread-safe.
 */
final class RequestAuthenticator {

	private static final int SWEEP_EVERY = 4096;

	private final Registrations registrations;

	private final Duration nonceWindow;

	private final Clock wallClock;

	/** Key and signature of each accepted request, with its nonce, for replay detection. */
	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	private final AtomicInteger sinceSweep = new AtomicInteger();

	RequestAuthenticator(Registrations registrations, Duration nonceWindow, Clock wallClock) {
		this.registrations = registrations;
		this.nonceWindow = nonceWindow;
		this.wallClock = wallClock;
	}

	/**
	 * @return who signed the request
	 * @throws RejectedRequest when the request is not authentic
	 */
	Caller authenticate(RecordedRequest request, QueryParameters query) {
		String apiKey = request.header(RequestSignatureHeaders.API_KEY);
		String nonce = request.header(RequestSignatureHeaders.API_NONCE);
		String signature = request.header(RequestSignatureHeaders.API_SIGNATURE);
		checkPresent(apiKey, nonce, signature);
		Registrations.RegisteredKey key = this.registrations.find(apiKey);
		if (key == null) {
			throw Rejection.UNKNOWN_API_KEY.because("API key " + apiKey.strip()
					+ " is not registered; register it with registerApp (app key) or registerApiKey (API key)");
		}
		long nonceMillis = checkFresh(nonce);
		String canonicalQuery = query.reencoded();
		byte[] digest = CoboDigest.ofRequest(request.method(), request.rawPath(), nonce, canonicalQuery,
				request.bodyBytes());
		if (!key.verifier().verify(digest, signature)) {
			throw Rejection.BAD_SIGNATURE.because("Signature does not verify with " + key.caller().describe()
					+ ". The server verified the string '" + request.method() + "|" + request.rawPath() + "|" + nonce
					+ "|" + canonicalQuery + "|' followed by the " + request.bodyBytes().length
					+ " body bytes as received; its query part is the received query decoded and re-encoded as "
					+ "Python's urlencode does (space as '+', only A-Z a-z 0-9 _ . - ~ left unescaped)");
		}
		checkFirstUse(key.verifier().publicKeyHex(), signature, nonceMillis);
		return key.caller();
	}

	void clear() {
		this.seen.clear();
	}

	private static void checkPresent(String apiKey, String nonce, String signature) {
		List<String> missing = new ArrayList<>(3);
		addIfBlank(missing, RequestSignatureHeaders.API_KEY, apiKey);
		addIfBlank(missing, RequestSignatureHeaders.API_NONCE, nonce);
		addIfBlank(missing, RequestSignatureHeaders.API_SIGNATURE, signature);
		if (!missing.isEmpty()) {
			throw Rejection.MISSING_HEADERS.because("Missing header(s): " + String.join(", ", missing)
					+ "; every request must carry BIZ-API-KEY, BIZ-API-NONCE and BIZ-API-SIGNATURE");
		}
	}

	private static void addIfBlank(List<String> missing, String header, String value) {
		if (value == null || value.isBlank()) {
			missing.add(header);
		}
	}

	private long checkFresh(String nonce) {
		boolean decimal = nonce.length() <= 18 && nonce.chars().allMatch((c) -> c >= '0' && c <= '9');
		if (!decimal) {
			throw Rejection.INVALID_NONCE
				.because("BIZ-API-NONCE '" + nonce + "' is not a decimal Unix time in milliseconds");
		}
		long millis = Long.parseLong(nonce);
		long skew = millis - this.wallClock.millis();
		if (Math.abs(skew) > this.nonceWindow.toMillis()) {
			throw Rejection.INVALID_NONCE.because("BIZ-API-NONCE " + nonce + " is " + Math.abs(skew) + " ms "
					+ ((skew < 0) ? "behind" : "ahead of") + " the server clock; it must be within "
					+ this.nonceWindow.toMillis() + " ms");
		}
		return millis;
	}

	private void checkFirstUse(String publicKeyHex, String signature, long nonceMillis) {
		String request = publicKeyHex + " " + signature.strip().toLowerCase(Locale.ROOT);
		if (this.seen.putIfAbsent(request, nonceMillis) != null) {
			throw Rejection.REPLAYED_REQUEST.because("This API key sent this signature before (nonce " + nonceMillis
					+ "); a request must not be replayed. Two requests with the same content signed in the same "
					+ "millisecond look like a replay: nonces must be unique per key");
		}
		if (this.sinceSweep.incrementAndGet() % SWEEP_EVERY == 0) {
			long oldest = this.wallClock.millis() - this.nonceWindow.toMillis();
			this.seen.values().removeIf((nonce) -> nonce < oldest);
		}
	}

}
