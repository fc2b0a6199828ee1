package dev.cobooauth.oauth2;

import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The token store of a database that every instance shares. Apart from the rest of the assembly so
 * that Spring's JDBC support, which the application adds only to store tokens in a database, is
 * loaded only then.
 */
final class JdbcTokenStores {

	private JdbcTokenStores() {
	}

	/**
	 * @param dataSource the database holding Spring Security's {@code oauth2_authorized_client} table
	 * @param registrations the registrations whose tokens it holds
	 * @param encryptionKey a 32-byte AES key for the token values, or {@code null} for none
	 * @param lock the application's own lock, or {@code null} for a lease in PostgreSQL
	 * ({@link TokenLock#postgresLease})
	 * @param lockTimeout how long an instance waits for another one's lock, and how long a lease lasts
	 * @return the store
	 */
	static TokenStore of(DataSource dataSource, CoboClientRegistrations registrations, byte @Nullable [] encryptionKey,
			@Nullable TokenLock lock, Duration lockTimeout) {
		TokenValueEncryption encryption = (encryptionKey != null) ? TokenValueEncryption.aesGcm(encryptionKey)
				: TokenValueEncryption.none();
		CoboJdbcOAuth2AuthorizedClientService service = new CoboJdbcOAuth2AuthorizedClientService(
				new JdbcTemplate(dataSource), registrations.repository(), encryption);
		return new TokenStore(service, (lock != null) ? lock : new PostgresLeaseTokenLock(dataSource, lockTimeout),
				true);
	}

}
