package dev.cobooauth.oauth2;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How token values are sealed for the table and opened again.
 */
class TokenValueEncryptionTest {

	private static final byte[] KEY = HexFormat.of()
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	private static final byte[] OTHER_KEY = HexFormat.of()
		.parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff");

	private static final String ROW = "cobo\norg-1\naccess_token_value";

	private final TokenValueEncryption aesGcm = TokenValueEncryption.aesGcm(KEY);

	@Test
	void opensWhatItSealed() {
		byte[] sealed = this.aesGcm.seal("AT-1", ROW);

		assertThat(this.aesGcm.open(sealed, ROW)).isEqualTo("AT-1");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("AT-1");
	}

	@Test
	void sealsTheSameValueDifferentlyEachTime() {
		assertThat(this.aesGcm.seal("AT-1", ROW)).isNotEqualTo(this.aesGcm.seal("AT-1", ROW));
	}

	@Test
	void refusesAValueSealedUnderAnotherKey() {
		byte[] sealed = TokenValueEncryption.aesGcm(OTHER_KEY).seal("AT-1", ROW);

		assertThatThrownBy(() -> this.aesGcm.open(sealed, ROW)).isInstanceOf(UnreadableTokenException.class)
			.hasMessageContaining("another key");
	}

	@Test
	void refusesAnAlteredValue() {
		byte[] sealed = this.aesGcm.seal("AT-1", ROW);
		sealed[sealed.length - 1] ^= 1;

		assertThatThrownBy(() -> this.aesGcm.open(sealed, ROW)).isInstanceOf(UnreadableTokenException.class);
	}

	@Test
	void refusesAValueMovedToAnotherRow() {
		byte[] sealed = this.aesGcm.seal("AT-1", ROW);

		assertThatThrownBy(() -> this.aesGcm.open(sealed, "cobo\norg-2\naccess_token_value"))
			.isInstanceOf(UnreadableTokenException.class);
	}

	@Test
	void refusesAValueStoredInClear() {
		byte[] clear = TokenValueEncryption.none().seal("AT-1", ROW);

		assertThatThrownBy(() -> this.aesGcm.open(clear, ROW)).isInstanceOf(UnreadableTokenException.class)
			.hasMessageContaining("not encrypted");
	}

	@Test
	void withoutAKeyReadsTextButRefusesAnEncryptedValue() {
		TokenValueEncryption none = TokenValueEncryption.none();

		assertThat(none.open(none.seal("AT-1", ROW), ROW)).isEqualTo("AT-1");
		assertThatThrownBy(() -> none.open(this.aesGcm.seal("AT-1", ROW), ROW))
			.isInstanceOf(UnreadableTokenException.class)
			.hasMessageContaining("cobo.token-store.encryption-key is not set");
	}

	@Test
	void neverShowsTheKey() {
		assertThat(this.aesGcm.toString()).doesNotContain(HexFormat.of().formatHex(KEY)).contains("hidden");
	}

}
