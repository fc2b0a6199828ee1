package dev.cobooauth.signing;

import java.lang.reflect.InvocationTargetException;
import java.security.Provider;

import org.jspecify.annotations.Nullable;

/**
 * Finds Amazon Corretto Crypto Provider and asks it whether it is healthy. Reached by reflection
 * only, so that the library neither needs it to compile nor fails to load without it: it is an
 * optional dependency, and its jar is specific to an operating system and a processor.
 */
final class AwsLc {

	static final String PROVIDER_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

	private AwsLc() {
	}

	/** @return what was found, looked for once per JVM (it loads a native library) */
	static Probe probe() {
		return Holder.PROBE;
	}

	/**
	 * @param classLoader where to look
	 * @return what was found there, looked for now
	 */
	static Probe probe(@Nullable ClassLoader classLoader) {
		Class<?> type;
		try {
			type = Class.forName(PROVIDER_CLASS, true, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return Probe.unusable("Amazon Corretto Crypto Provider is not on the class path");
		}
		try {
			Provider provider = (Provider) type.getField("INSTANCE").get(null);
			Object loadingError = type.getMethod("getLoadingError").invoke(provider);
			if (loadingError != null) {
				return Probe.unusable("Amazon Corretto Crypto Provider is on the class path but did not load: "
						+ loadingError);
			}
			type.getMethod("assertHealthy").invoke(provider);
			String name = "Amazon Corretto Crypto Provider " + type.getMethod("getVersionStr").invoke(provider);
			if (provider.getService("Signature", "Ed25519") == null) {
				return Probe.unusable(name + " offers no Ed25519 signatures");
			}
			return new Probe(provider, name);
		}
		catch (InvocationTargetException ex) {
			return Probe.unusable("Amazon Corretto Crypto Provider is on the class path but unhealthy: "
					+ ex.getTargetException());
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return Probe.unusable("Amazon Corretto Crypto Provider is on the class path but cannot be used: " + ex);
		}
	}

	/**
	 * What was found.
	 * @param usable the provider, or {@code null} if it cannot be used
	 * @param description its name and version, or why it cannot be used
	 */
	record Probe(@Nullable Provider usable, String description) {

		static Probe unusable(String reason) {
			return new Probe(null, reason);
		}

		boolean isUsable() {
			return this.usable != null;
		}

		/**
		 * @return the provider
		 * @throws IllegalStateException if it cannot be used, saying why
		 */
		Provider provider() {
			if (this.usable == null) {
				throw new IllegalStateException(this.description);
			}
			return this.usable;
		}

	}

	private static final class Holder {

		static final Probe PROBE = probe(AwsLc.class.getClassLoader());

	}

}
