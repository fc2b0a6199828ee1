package dev.cobooauth.test;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies and writes response bodies. Response maps keep their insertion order, so
 * bodies are deterministic.
 */
final class JsonBody {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonBody() {
	}

	/**
	 * @param body the raw request body
	 * @param whenNotAnObject the rejection when the body is empty, malformed or not a JSON object
	 * @return the body as a JSON object
	 */
	static JsonNode readObject(byte[] body, Rejection whenNotAnObject) {
		JsonNode node;
		try {
			node = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw whenNotAnObject.because("Request body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw whenNotAnObject.because("Request body must be a JSON object");
		}
		return node;
	}

	/**
	 * @param object a JSON object
	 * @param field a field name
	 * @return the field's string value, or {@code null} when it is absent, not a string or blank
	 */
	static String text(JsonNode object, String field) {
		JsonNode value = object.get(field);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			return null;
		}
		return value.stringValue();
	}

	static byte[] write(Map<String, ?> body) {
		return MAPPER.writeValueAsBytes(body);
	}

}
