package dev.cobooauth.signing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The requests signed in the signing benchmark: a wallet listing with a four-parameter query and a
 * transfer with a JSON body of 362 bytes. Public, as JMH needs a {@code @Param} type to be; in the
 * starter's package beside {@link RequestSigningBenchmark}, which it belongs to.
 */
public enum TypicalRequest {

	GET_WALLETS("GET", "/v2/wallets", List.of(new String[] { "wallet_type", "Custodial" },
			new String[] { "wallet_subtype", "Asset" }, new String[] { "limit", "50" },
			new String[] { "after", "RqeEoTkgKG5rpzqYzg2Hd3szmPoj2cE7w5jWwShz3C1vyGSAk" }), ""),

	POST_TRANSFER("POST", "/v2/transactions/transfer", List.of(),
			"{\"request_id\":\"5f3a8d0e-7c41-4e0b-9a57-2b1c9e6d4f10\",\"source\":{\"source_type\":\"Asset\","
					+ "\"wallet_id\":\"f47ac10b-58cc-4372-a567-0e02b2c3d479\"},\"token_id\":\"ETH_USDT\","
					+ "\"destination\":{\"destination_type\":\"Address\",\"account_output\":{\"address\":"
					+ "\"0x5d1b6f2c9e8a7d3b4c0f1e2a3b4c5d6e7f8a9b0c\",\"amount\":\"1250.50\"}},"
					+ "\"description\":\"Payout 2024-06 #1182\",\"category_names\":[\"payout\"]}");

	final String method;

	final String path;

	/** The query as a client hands it to the signer: names and values, decoded. */
	final List<String[]> queryParameters;

	/** The same query as a URI holds it, the input of {@code CanonicalQuery}. */
	final String rawQuery;

	final byte[] body;

	TypicalRequest(String method, String path, List<String[]> queryParameters, String body) {
		this.method = method;
		this.path = path;
		this.queryParameters = queryParameters;
		this.rawQuery = CoboJavaSdkSigning.encodeQuery(queryParameters);
		this.body = body.getBytes(StandardCharsets.UTF_8);
	}

}
