package dev.cobooauth.benchmarks.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

import dev.cobooauth.benchmarks.support.FakeCobo;

/**
 * Runs {@link FakeCobo} as a process of its own for the end-to-end benchmark: portal-app and the
 * pass-through application call it over loopback while {@code wrk} loads them. It answers every WaaS
 * GET with {@link FakeCobo#WALLETS_BODY}, signed once at startup, and every token request with a new
 * signed token pair, and checks nothing.
 * <p>
 * {@code java -cp benchmarks.jar dev.cobooauth.benchmarks.endtoend.FakeCoboServer FILE [THREADS]}
 * listens on a free loopback port, writes {@code base-url=...} and {@code response-public-key=...}
 * (one a line) to {@code FILE} once it listens, and serves until the process is stopped.
 */
public final class FakeCoboServer {

	/** Each answer takes microseconds, so a few threads keep up with all that two shared cores can send. */
	private static final int DEFAULT_THREADS = 8;

	private FakeCoboServer() {
	}

	/**
	 * @param args the file to write the base URL and the response key to, and optionally how many
	 * requests it serves at once (default 8)
	 * @throws IOException when the file cannot be written
	 * @throws InterruptedException when stopped while serving
	 */
	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length < 1 || args.length > 2) {
			System.err.println("Usage: FakeCoboServer FILE [THREADS]  (FILE gets base-url=... and response-public-key=...)");
			System.exit(2);
		}
		Path file = Path.of(args[0]);
		int threads = (args.length == 2) ? Integer.parseInt(args[1]) : DEFAULT_THREADS;
		FakeCobo cobo = FakeCobo.start(threads);
		Runtime.getRuntime().addShutdownHook(new Thread(cobo::close, "fake-cobo-stop"));
		writeAddress(file, cobo);
		System.out.println("Fake Cobo at " + cobo.baseUrl() + " with " + threads + " threads; details in " + file);
		// Its server threads are daemons: without this wait the process would end here.
		new CountDownLatch(1).await();
	}

	/** Written whole and then moved into place, so that a script polling for it never reads half. */
	private static void writeAddress(Path file, FakeCobo cobo) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.writeString(partial,
				"base-url=" + cobo.baseUrl() + "\nresponse-public-key=" + cobo.responsePublicKeyHex() + "\n");
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
