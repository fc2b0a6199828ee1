package dev.cobooauth.signing;

/**
 * The wire contract through a {@code RestClient}, signing and verifying with BouncyCastle although
 * AWS-LC is on the class path: the same requests go out and the same answers are refused.
 */
class RestClientSignedExchangeOnBouncyCastleTest extends RestClientSignedExchangeTest {

	@Override
	protected CryptoProvider cryptoProvider() {
		return CryptoProvider.BOUNCY_CASTLE;
	}

}
