package dev.cobooauth.signing;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalUriTest {

	@Test
	void returnsACanonicalUriItself() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?limit=10&wallet_type=Custodial&after=a-1_b.c~d");

		assertThat(CanonicalUri.of(uri)).isSameAs(uri);
	}

	@Test
	void returnsAUriWithoutAQueryItself() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets");

		assertThat(CanonicalUri.of(uri)).isSameAs(uri);
	}

	@Test
	void returnsACanonicalUriWithEncodedUnicodeItself() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?name=%E4%B8%AD%E6%96%87");

		assertThat(CanonicalUri.of(uri)).isSameAs(uri);
	}

	@Test
	void sendsAnEncodedSpaceAsPlus() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?name=my%20wallet");

		URI canonical = CanonicalUri.of(uri);

		assertThat(canonical).hasToString("https://api.dev.cobo.com/v2/wallets?name=my+wallet");
		assertThat(CanonicalUri.queryOf(canonical)).isEqualTo("name=my+wallet");
	}

	@Test
	void readsAPlusOfAQueryItMadeCanonicalAsALiteralPlusSoItIsAppliedOnce() {
		URI canonical = CanonicalUri.of(URI.create("https://api.dev.cobo.com/v2/wallets?name=my%20wallet"));

		assertThat(CanonicalUri.queryOf(canonical)).isEqualTo("name=my+wallet");
		assertThat(CanonicalUri.queryOf(CanonicalUri.of(canonical))).isEqualTo("name=my%2Bwallet");
	}

	@Test
	void sendsAPlusOfTheClientsUriAsALiteralPlus() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?after=2026-01-01T00:00:00+08:00");

		assertThat(CanonicalUri.queryOf(CanonicalUri.of(uri))).isEqualTo("after=2026-01-01T00%3A00%3A00%2B08%3A00");
	}

	@Test
	void encodesRawUnicodeAsUpperCaseUtf8Escapes() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?name=中文 钱包".replace(" ", "%20"));

		assertThat(CanonicalUri.queryOf(CanonicalUri.of(uri))).isEqualTo("name=%E4%B8%AD%E6%96%87+%E9%92%B1%E5%8C%85");
	}

	@Test
	void encodesCharactersSpringLeavesRawInTheQuery() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?q=a!b'c(d)e*f,g;h:i@j/k?l");

		assertThat(CanonicalUri.queryOf(CanonicalUri.of(uri)))
			.isEqualTo("q=a%21b%27c%28d%29e%2Af%2Cg%3Bh%3Ai%40j%2Fk%3Fl");
	}

	@Test
	void upperCasesLowerCaseEscapes() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?name=%e4%b8%ad");

		assertThat(CanonicalUri.of(uri)).hasToString("https://api.dev.cobo.com/v2/wallets?name=%E4%B8%AD");
	}

	@Test
	void leavesOutParametersWithAnEmptyValue() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?limit=10&after=&before&wallet_type=Custodial");

		assertThat(CanonicalUri.of(uri)).hasToString("https://api.dev.cobo.com/v2/wallets?limit=10&wallet_type=Custodial");
	}

	@Test
	void leavesOutTheQuestionMarkWhenNoParameterRemains() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?after=&before=");

		URI canonical = CanonicalUri.of(uri);

		assertThat(canonical).hasToString("https://api.dev.cobo.com/v2/wallets");
		assertThat(canonical.getRawQuery()).isNull();
		assertThat(CanonicalUri.queryOf(canonical)).isEmpty();
	}

	@Test
	void keepsRepeatedParametersInTheirOrder() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?chain_ids=ETH&token_ids=USDT&chain_ids=BTC%20X");

		assertThat(CanonicalUri.queryOf(CanonicalUri.of(uri))).isEqualTo("chain_ids=ETH&token_ids=USDT&chain_ids=BTC+X");
	}

	@Test
	void keepsTheParametersInTheOrderSent() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets?wallet_type=Custodial&limit=10&name=a%20b");

		assertThat(CanonicalUri.queryOf(CanonicalUri.of(uri))).isEqualTo("wallet_type=Custodial&limit=10&name=a+b");
	}

	@Test
	void keepsSchemeAuthorityPortAndRawPath() {
		URI uri = URI.create("http://user:pw@localhost:8443/v2/wallets/w%2F1/addresses?name=a%20b");

		URI canonical = CanonicalUri.of(uri);

		assertThat(canonical.getScheme()).isEqualTo("http");
		assertThat(canonical.getRawAuthority()).isEqualTo("user:pw@localhost:8443");
		assertThat(canonical.getPort()).isEqualTo(8443);
		assertThat(canonical.getRawPath()).isEqualTo("/v2/wallets/w%2F1/addresses");
		assertThat(canonical.getRawQuery()).isEqualTo("name=a+b");
	}

	@Test
	void keepsAnIpv6Authority() {
		URI uri = URI.create("http://[::1]:8080/v2/wallets?name=a%20b");

		assertThat(CanonicalUri.of(uri)).hasToString("http://[::1]:8080/v2/wallets?name=a+b");
	}

	@Test
	void givesAnEmptyPathAsSlash() {
		URI uri = URI.create("https://api.dev.cobo.com?limit=10");

		assertThat(CanonicalUri.pathOf(uri)).isEqualTo("/");
		assertThat(CanonicalUri.of(uri)).isSameAs(uri);
	}

	@Test
	void writesAnEmptyPathAsSlashWhenItRewritesTheQuery() {
		URI uri = URI.create("https://api.dev.cobo.com?name=a%20b");

		assertThat(CanonicalUri.of(uri)).hasToString("https://api.dev.cobo.com/?name=a+b");
	}

	@Test
	void givesThePathRawAsItGoesOnTheRequestLine() {
		URI uri = URI.create("https://api.dev.cobo.com/v2/wallets/%E4%B8%AD%20x?limit=10");

		assertThat(CanonicalUri.pathOf(uri)).isEqualTo("/v2/wallets/%E4%B8%AD%20x");
	}

	@Test
	void givesAnEmptyQueryWhenThereIsNone() {
		assertThat(CanonicalUri.queryOf(URI.create("https://api.dev.cobo.com/v2/wallets"))).isEmpty();
	}

	@Test
	void givesTheQueryRawAsItGoesOnTheRequestLine() {
		assertThat(CanonicalUri.queryOf(URI.create("https://api.dev.cobo.com/v2/wallets?name=a+b%2Bc")))
			.isEqualTo("name=a+b%2Bc");
	}

}
