package dev.cobooauth.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.cobooauth.benchmarks.support.FakeCobo;

/**
 * Writes the inputs of the libsodium floor ({@code benchmarks/native/libsodium_floor.c}), so that
 * the C program does its work on the very bytes the Java benchmarks use: the fake Cobo's answer
 * ({@link ResponseVerificationBenchmark}), the transfer body and the wallet query of
 * {@link RequestSigningBenchmark}. Run by {@code benchmarks/run.sh}; in the starter's package because
 * {@link TypicalRequest}'s fields are package-private.
 */
public final class LibsodiumFloorInputs {

	private LibsodiumFloorInputs() {
	}

	/**
	 * @param args the directory to write {@code wallets-body.json}, {@code transfer-body.json} and
	 * {@code wallets-query.txt} into
	 * @throws IOException if a file cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("Usage: LibsodiumFloorInputs DIRECTORY");
			System.exit(2);
		}
		Path directory = Files.createDirectories(Path.of(args[0]));
		Files.writeString(directory.resolve("wallets-body.json"), FakeCobo.WALLETS_BODY, StandardCharsets.UTF_8);
		Files.write(directory.resolve("transfer-body.json"), TypicalRequest.POST_TRANSFER.body);
		Files.writeString(directory.resolve("wallets-query.txt"), TypicalRequest.GET_WALLETS.rawQuery, StandardCharsets.UTF_8);
	}

}
