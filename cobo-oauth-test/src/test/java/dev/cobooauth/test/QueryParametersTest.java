package dev.cobooauth.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator reads a query as Python's {@code urlencode(parse_qsl(raw))} does. Expected values are
 * CPython's, from the signing vectors of Cobo's SDKs ({@code signing-vectors.json}).
 */
class QueryParametersTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"project_id=hello%20big%20world | project_id=hello+big+world",
			"project_id=hello+big+world | project_id=hello+big+world",
			"project_id=%E4%B8%AD%E6%96%87%20%C3%BCn%C3%AFc%C3%B8d%C3%A9 | project_id=%E4%B8%AD%E6%96%87+%C3%BCn%C3%AFc%C3%B8d%C3%A9",
			"project_id=a%26b%3Dc%2Bd%2Fe%3Ff%25g%23h | project_id=a%26b%3Dc%2Bd%2Fe%3Ff%25g%23h",
			"project_id=~%2A%27%28%29%21 | project_id=~%2A%27%28%29%21",
			"project_id=%7E*%27%28%29%21 | project_id=~%2A%27%28%29%21",
			"project_id=~*'()! | project_id=~%2A%27%28%29%21",
			"vault_id=v%7E1 | vault_id=v~1",
			"project_id=%F0%9F%92%B0%20%F0%9F%9A%80 | project_id=%F0%9F%92%B0+%F0%9F%9A%80",
			"wallet_type=MPC&wallet_subtype=Org-Controlled&project_id=p%201&vault_id=v%2F2&limit=5 | wallet_type=MPC&wallet_subtype=Org-Controlled&project_id=p+1&vault_id=v%2F2&limit=5" })
	void reencodesEveryWireFormOfTheSdkVectorsAsPythonDoes(String wire, String python) {
		assertThat(QueryParameters.parse(wire).reencoded()).isEqualTo(python);
	}

	@Test
	void decodesAPlusAsASpace() {
		assertThat(QueryParameters.parse("q=a+b").first("q")).isEqualTo("a b");
	}

	@Test
	void keepsTheOrderAndRepeatedNames() {
		assertThat(QueryParameters.parse("b=2&a=1&b=3").reencoded()).isEqualTo("b=2&a=1&b=3");
	}

	@Test
	void dropsEmptyValuesAndNamesWithoutValue() {
		assertThat(QueryParameters.parse("a=&b=1&c&&d=2").reencoded()).isEqualTo("b=1&d=2");
	}

	@Test
	void keepsAMalformedPercentEscapeAsLiteralText() {
		assertThat(QueryParameters.parse("a=%zz&b=5%").reencoded()).isEqualTo("a=%25zz&b=5%25");
	}

	@Test
	void isEmptyWithoutAQuery() {
		assertThat(QueryParameters.parse(null).reencoded()).isEmpty();
	}

	@Test
	void firstIsNullForAParameterNotSent() {
		assertThat(QueryParameters.parse("a=1").first("b")).isNull();
	}

}
