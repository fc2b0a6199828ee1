package dev.cobooauth.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.cobooauth.signing.CoboEnvironment;
import dev.cobooauth.signing.KeyType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE shows: generated from the properties' Javadoc by the
 * configuration processor, merged with {@code additional-spring-configuration-metadata.json}.
 */
class ConfigurationMetadataTest {

	private static JsonNode metadata() throws IOException {
		List<URL> candidates = Collections
			.list(ConfigurationMetadataTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"));
		for (URL url : candidates) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = JsonMapper.builder().build().readTree(in);
				for (JsonNode group : metadata.path("groups")) {
					if ("cobo".equals(group.path("name").asString())) {
						return metadata;
					}
				}
			}
		}
		throw new IllegalStateException("No configuration metadata of the cobo group among " + candidates);
	}

	private static List<String> hintValues(JsonNode metadata, String property) {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : metadata.path("hints")) {
			if (property.equals(hint.path("name").asString())) {
				hint.path("values").forEach((value) -> values.add(value.path("value").asString()));
			}
		}
		return values;
	}

	private static List<String> lowerCase(Enum<?>[] constants) {
		return Arrays.stream(constants).map((constant) -> constant.name().toLowerCase(Locale.ROOT)).toList();
	}

	@Test
	void describesEveryCoboProperty() throws IOException {
		List<String> undescribed = new ArrayList<>();
		int described = 0;
		for (JsonNode property : metadata().path("properties")) {
			String name = property.path("name").asString();
			if (!name.startsWith("cobo.")) {
				continue;
			}
			if (property.path("description").asString("").isBlank()) {
				undescribed.add(name);
			}
			else {
				described++;
			}
		}
		assertThat(undescribed).as("cobo.* properties without a description: add Javadoc to their fields").isEmpty();
		assertThat(described).isGreaterThan(20);
	}

	@Test
	void hintsEveryEnvironment() throws IOException {
		assertThat(hintValues(metadata(), "cobo.env"))
			.containsExactlyInAnyOrderElementsOf(lowerCase(CoboEnvironment.values()));
	}

	@Test
	void hintsEveryKeyTypeOfBothKeys() throws IOException {
		JsonNode metadata = metadata();
		assertThat(hintValues(metadata, "cobo.app.key-type")).containsExactlyInAnyOrderElementsOf(lowerCase(KeyType.values()));
		assertThat(hintValues(metadata, "cobo.api-key.key-type"))
			.containsExactlyInAnyOrderElementsOf(lowerCase(KeyType.values()));
	}

	@Test
	void hintsTheTokenStoreChoices() throws IOException {
		JsonNode metadata = metadata();
		assertThat(hintValues(metadata, "cobo.token-store.type")).containsExactly("memory", "jdbc");
		assertThat(hintValues(metadata, "cobo.token-store.initialize-schema")).containsExactly("embedded", "always",
				"never");
	}

}
