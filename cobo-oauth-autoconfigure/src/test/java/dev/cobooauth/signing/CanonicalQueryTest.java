package dev.cobooauth.signing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalQueryTest {

	@Test
	void isEmptyWithoutAQuery() {
		assertThat(CanonicalQuery.of(null)).isEmpty();
		assertThat(CanonicalQuery.of("")).isEmpty();
	}

	@Test
	void keepsAnAlreadyCanonicalQueryAsItIs() {
		String canonical = "project_id=%E4%B8%AD+x&vault_id=v~1&limit=10";

		assertThat(CanonicalQuery.of(canonical)).isEqualTo(canonical.replace("+", "%2B"));
		assertThat(CanonicalQuery.of("project_id=%E4%B8%AD%20x&vault_id=v~1&limit=10")).isEqualTo(
				"project_id=%E4%B8%AD+x&vault_id=v~1&limit=10");
	}

	@Test
	void takesAPlusAsALiteralPlusAsSpringsUriBuildersMeanIt() {
		assertThat(CanonicalQuery.of("time=2026-01-01T00:00:00+08:00")).isEqualTo("time=2026-01-01T00%3A00%3A00%2B08%3A00");
	}

	@Test
	void encodesCharactersLeftRawInTheUri() {
		assertThat(CanonicalQuery.of("q=中 文*'()!")).isEqualTo("q=%E4%B8%AD+%E6%96%87%2A%27%28%29%21");
	}

	@Test
	void upperCasesEscapes() {
		assertThat(CanonicalQuery.of("q=%c3%a9")).isEqualTo("q=%C3%A9");
	}

	@Test
	void dropsEmptyValuesAndNamelessPairs() {
		assertThat(CanonicalQuery.of("a=&b&=c&d=1&&e=2")).isEqualTo("d=1&e=2");
	}

	@Test
	void refusesAMalformedEscape() {
		assertThatThrownBy(() -> CanonicalQuery.of("q=%G1")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Malformed percent escape");
		assertThatThrownBy(() -> CanonicalQuery.of("q=%4")).isInstanceOf(IllegalArgumentException.class);
	}

}
