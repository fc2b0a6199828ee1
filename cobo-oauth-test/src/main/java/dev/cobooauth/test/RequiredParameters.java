package dev.cobooauth.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the parameters a request must carry and refuses it, naming every missing one at once.
 */
final class RequiredParameters {

	private RequiredParameters() {
	}

	/**
	 * @param whenMissing the rejection when a parameter is absent or blank
	 * @param names the parameters' names
	 * @param source a parameter's value by name, {@code null} when absent
	 * @return each name's value, in the order given
	 */
	static Map<String, String> read(Rejection whenMissing, List<String> names, Function<String, String> source) {
		Map<String, String> values = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (String name : names) {
			String value = source.apply(name);
			if (value == null || value.isBlank()) {
				missing.add(name);
			}
			values.put(name, value);
		}
		if (!missing.isEmpty()) {
			throw whenMissing.because("Missing required parameter(s): " + String.join(", ", missing));
		}
		return values;
	}

}
