package dev.cobooauth.oauth2;

import java.time.Duration;
import java.time.Instant;

import dev.cobooauth.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PermissionAccessTokenTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

	@Test
	void showsOnlyTheFirstCharactersOfTheToken() {
		PermissionAccessToken token = new PermissionAccessToken("eyJhbGciOiJFZERTQSJ9.secret-part",
				Instant.parse("2025-01-01T01:00:00Z"));

		assertThat(token.toString()).contains("accessToken=eyJh...")
			.contains("2025-01-01T01:00:00Z")
			.doesNotContain("eyJhb")
			.doesNotContain("secret-part");
	}

	@Test
	void showsLessOfAShortToken() {
		PermissionAccessToken token = new PermissionAccessToken("PAT-1", Instant.parse("2025-01-01T01:00:00Z"));

		assertThat(token.toString()).contains("accessToken=P...").doesNotContain("PAT");
	}

	@Test
	void countsTheSecondsLeftDownToZero() {
		PermissionAccessToken token = new PermissionAccessToken("PAT-1", this.clock.instant().plusSeconds(3600));

		assertThat(token.expiresInSeconds(this.clock)).isEqualTo(3600);
		this.clock.advance(Duration.ofMillis(3_599_500));
		assertThat(token.expiresInSeconds(this.clock)).isZero();
		this.clock.advance(Duration.ofHours(1));
		assertThat(token.expiresInSeconds(this.clock)).isZero();
	}

	@Test
	void refusesAnEmptyTokenOrNoExpiry() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PermissionAccessToken(" ", Instant.now()))
			.withMessage("accessToken cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new PermissionAccessToken("PAT-1", null))
			.withMessage("expiresAt cannot be null");
	}

}
