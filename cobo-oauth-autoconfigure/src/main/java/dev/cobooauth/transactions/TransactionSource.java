package dev.cobooauth.transactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Where a transaction takes its funds or its signing key from: Cobo's {@code source}.
 *
 * @param sourceType Cobo's source type, e.g. {@code Org-Controlled}, {@code User-Controlled},
 * {@code Asset}, {@code Web3}, {@code Safe{Wallet}}
 * @param walletId the wallet
 * @param address the wallet's address to use, {@code null} to let Cobo choose (contract calls and
 * message signs need one)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionSource(String sourceType, String walletId, @Nullable String address) {

	/**
	 * @throws IllegalArgumentException if the source type or the wallet is missing
	 */
	public TransactionSource {
		Requests.required(sourceType, "source.source_type");
		Requests.required(walletId, "source.wallet_id");
	}

	/**
	 * @param sourceType Cobo's source type
	 * @param walletId the wallet
	 * @return a source whose address Cobo chooses
	 */
	public static TransactionSource of(String sourceType, String walletId) {
		return new TransactionSource(sourceType, walletId, null);
	}

}
