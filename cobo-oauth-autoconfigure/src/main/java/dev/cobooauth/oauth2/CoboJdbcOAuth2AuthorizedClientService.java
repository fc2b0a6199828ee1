package dev.cobooauth.oauth2;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.util.StringUtils;

/**
 * Spring Security's {@link JdbcOAuth2AuthorizedClientService} on the standard
 * {@code oauth2_authorized_client} table, with two additions. Token values go through a
 * {@link TokenValueEncryption} on their way in and out (through the service's row mapper and
 * parameters mapper hooks); a row whose values cannot be read is reported once and treated as
 * absent, so a new token is obtained and replaces it, and no unreadable value is ever sent to Cobo.
 * A database failure becomes a {@link dev.cobooauth.oauth2.CoboTokenStoreUnavailableException}
 * naming the store and the cause.
 */
class CoboJdbcOAuth2AuthorizedClientService extends JdbcOAuth2AuthorizedClientService {

	private static final Log logger = LogFactory.getLog(CoboJdbcOAuth2AuthorizedClientService.class);

	private static final String ACCESS_TOKEN_VALUE = "access_token_value";

	private static final String REFRESH_TOKEN_VALUE = "refresh_token_value";

	// Positions of the two token values in the list of Spring Security's parameters mapper, which
	// follows the table's column order.
	private static final int ACCESS_TOKEN_VALUE_PARAMETER = 3;

	private static final int REFRESH_TOKEN_VALUE_PARAMETER = 7;

	private final ClientRegistrationRepository registrations;

	private final TokenValueEncryption encryption;

	private final OAuth2AuthorizedClientParametersMapper plainParameters = new OAuth2AuthorizedClientParametersMapper();

	private final AtomicBoolean unreadableReported = new AtomicBoolean();

	/**
	 * @param jdbcOperations runs the statements, on the store's {@code DataSource}
	 * @param registrations every registration whose tokens the store holds
	 * @param encryption how token values are stored
	 */
	public CoboJdbcOAuth2AuthorizedClientService(JdbcOperations jdbcOperations,
			ClientRegistrationRepository registrations, TokenValueEncryption encryption) {
		super(jdbcOperations, registrations);
		if (encryption == null) {
			throw new IllegalArgumentException("encryption cannot be null");
		}
		this.registrations = registrations;
		this.encryption = encryption;
		setAuthorizedClientRowMapper(this::mapRow);
		setAuthorizedClientParametersMapper(this::parameters);
	}

	@Override
	public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
			String principalName) {
		try {
			return super.loadAuthorizedClient(clientRegistrationId, principalName);
		}
		catch (DataAccessException ex) {
			throw StoreFailures.unavailable("could not read the " + token(clientRegistrationId, principalName), ex);
		}
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
		try {
			super.saveAuthorizedClient(authorizedClient, principal);
		}
		catch (DataAccessException ex) {
			throw StoreFailures.unavailable("could not save the "
					+ token(authorizedClient.getClientRegistration().getRegistrationId(), principal.getName()), ex);
		}
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, String principalName) {
		try {
			super.removeAuthorizedClient(clientRegistrationId, principalName);
		}
		catch (DataAccessException ex) {
			throw StoreFailures.unavailable("could not remove the " + token(clientRegistrationId, principalName), ex);
		}
	}

	private List<SqlParameterValue> parameters(OAuth2AuthorizedClientHolder holder) {
		List<SqlParameterValue> parameters = this.plainParameters.apply(holder);
		OAuth2AuthorizedClient client = holder.getAuthorizedClient();
		String registrationId = client.getClientRegistration().getRegistrationId();
		String principalName = holder.getPrincipal().getName();
		replaceTokenValue(parameters, ACCESS_TOKEN_VALUE_PARAMETER, client.getAccessToken().getTokenValue(),
				binding(registrationId, principalName, ACCESS_TOKEN_VALUE));
		if (client.getRefreshToken() != null) {
			replaceTokenValue(parameters, REFRESH_TOKEN_VALUE_PARAMETER, client.getRefreshToken().getTokenValue(),
					binding(registrationId, principalName, REFRESH_TOKEN_VALUE));
		}
		return parameters;
	}

	private void replaceTokenValue(List<SqlParameterValue> parameters, int index, String tokenValue, String binding) {
		if (parameters.get(index).getSqlType() != Types.BLOB) {
			throw new IllegalStateException("Spring Security's parameters mapper no longer has a token value at "
					+ index + "; the stored token values cannot be encrypted");
		}
		parameters.set(index, new SqlParameterValue(Types.BLOB, this.encryption.seal(tokenValue, binding)));
	}

	private @Nullable OAuth2AuthorizedClient mapRow(ResultSet rs, int rowNum) throws SQLException {
		String registrationId = rs.getString("client_registration_id");
		String principalName = rs.getString("principal_name");
		ClientRegistration registration = this.registrations.findByRegistrationId(registrationId);
		if (registration == null) {
			throw new IllegalStateException("The store holds a token of registration '" + registrationId
					+ "', which is not one of the starter's registrations");
		}
		String accessTokenValue;
		String refreshTokenValue = null;
		try {
			accessTokenValue = this.encryption.open(rs.getBytes(ACCESS_TOKEN_VALUE),
					binding(registrationId, principalName, ACCESS_TOKEN_VALUE));
			byte[] storedRefreshToken = rs.getBytes(REFRESH_TOKEN_VALUE);
			if (storedRefreshToken != null) {
				refreshTokenValue = this.encryption.open(storedRefreshToken,
						binding(registrationId, principalName, REFRESH_TOKEN_VALUE));
			}
		}
		catch (UnreadableTokenException ex) {
			reportUnreadable(registrationId, principalName, ex);
			return null;
		}
		String scopes = rs.getString("access_token_scopes");
		// Cobo issues Bearer tokens only.
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessTokenValue,
				instant(rs.getTimestamp("access_token_issued_at")), instant(rs.getTimestamp("access_token_expires_at")),
				(scopes != null) ? StringUtils.commaDelimitedListToSet(scopes) : Set.of());
		OAuth2RefreshToken refreshToken = (refreshTokenValue != null)
				? new OAuth2RefreshToken(refreshTokenValue, instant(rs.getTimestamp("refresh_token_issued_at"))) : null;
		return new OAuth2AuthorizedClient(registration, principalName, accessToken, refreshToken);
	}

	private void reportUnreadable(String registrationId, String principalName, UnreadableTokenException ex) {
		String message = "Cannot read the stored " + token(registrationId, principalName) + ": " + ex.getMessage()
				+ ". It is treated as absent: a new token is obtained and replaces it.";
		if (this.unreadableReported.compareAndSet(false, true)) {
			logger.error(message + " Further unreadable tokens are logged at DEBUG.");
		}
		else {
			logger.debug(message);
		}
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String binding(String registrationId, String principalName, String column) {
		return registrationId + "\n" + principalName + "\n" + column;
	}

	private static String token(String registrationId, String principalName) {
		return "token of '" + principalName + "' (registration " + registrationId + ")";
	}

}
