package dev.cobooauth.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Cobo's secrets in {@code /actuator/env} and {@code /actuator/configprops}, even with
 * {@code show-values: always}: every {@code cobo.**.private-key} and {@code cobo.**.encryption-key},
 * however the key is spelled ({@code cobo.app.private-key}, {@code cobo.app.privateKey},
 * {@code COBO_APP_PRIVATEKEY}, {@code cobo.api-key.private_key}). A key's location
 * ({@code private-key-location}) and public keys stay visible.
 */
final class CoboSecretsSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isCoboSecret(data.getKey()) ? data.withSanitizedValue() : data;
	}

	/**
	 * @param key a property name as a property source or a report spells it
	 * @return whether it names a Cobo private or encryption key
	 */
	static boolean isCoboSecret(String key) {
		if (key == null) {
			return false;
		}
		String letters = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return letters.startsWith("cobo") && (letters.endsWith("privatekey") || letters.endsWith("encryptionkey"));
	}

}
