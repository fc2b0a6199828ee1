package dev.cobooauth.webhook;

import java.lang.reflect.Type;

import dev.cobooauth.signing.CoboDelivery;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Turns a verified delivery into what a {@link VerifiedCoboDelivery @VerifiedCoboDelivery}
 * parameter declares: the {@link CoboDelivery} itself, its {@code byte[]} body, its {@code String}
 * body, or the body's JSON mapped to any other type. A body that does not map is a {@code 400}.
 */
final class CoboDeliveryReader {

	private final JsonMapper json;

	/**
	 * @param json maps the body to the declared type, e.g. the application's {@code JsonMapper}
	 */
	public CoboDeliveryReader(JsonMapper json) {
		if (json == null) {
			throw new IllegalArgumentException("json cannot be null");
		}
		this.json = json;
	}

	/**
	 * @param delivery a verified delivery
	 * @param type the declared type of the parameter
	 * @return the delivery as that type
	 * @throws ResponseStatusException ({@code 400}) if the body does not map to it
	 */
	public Object read(CoboDelivery delivery, Type type) {
		if (type == CoboDelivery.class) {
			return delivery;
		}
		if (type == byte[].class) {
			return delivery.body();
		}
		if (type == String.class) {
			return delivery.bodyAsString();
		}
		try {
			return this.json.readValue(delivery.body(), this.json.getTypeFactory().constructType(type));
		}
		catch (JacksonException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"The verified Cobo delivery is not a " + type.getTypeName(), ex);
		}
	}

}
