package dev.cobooauth.samples.portal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 13, item 7: the portal started with {@code cobo.app.fail-fast=true} for an org that has not
 * installed the app in its embedded simulator fails with the starter's failure analysis, naming the org
 * and Cobo's error, and with what to do; and the simulator it started stops with it, so that nothing is
 * left to keep the JVM alive.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailFastStartupTest {

	private static final Pattern SIMULATOR = Pattern
		.compile("Started the embedded Cobo simulator at http://[^:/]+:(\\d+)");

	@Test
	void failsWithAFailureAnalysisNamingTheOrgAndCobosError(CapturedOutput output) throws Exception {
		long dispatchersBefore = httpServerDispatchers();

		assertThatException().isThrownBy(() -> SpringApplication.run(PortalApplication.class, "--server.port=0",
				"--cobo.app.orgs=org-initech", "--cobo.app.fail-fast=true"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:")
			.contains("The Org Access Token of org org-initech could not be obtained at startup, and cobo.app.fail-fast is on")
			.contains("not installed")
			.contains("Action:")
			.contains("Check that org org-initech has installed the Portal App")
			.contains("set cobo.app.fail-fast=false");
		assertThat(output).doesNotContain("Caused by: java.lang.IllegalStateException");

		Matcher started = SIMULATOR.matcher(output.toString());
		assertThat(started.find()).as("the log names the simulator's port").isTrue();
		int port = Integer.parseInt(started.group(1));
		assertThatExceptionOfType(IOException.class).as("the simulator no longer listens").isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			}
		});
		awaitNoThread("cobo-simulator-" + port + "-");
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (httpServerDispatchers() > dispatchersBefore && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(httpServerDispatchers()).as("the simulator's non-daemon HTTP-Dispatcher thread has ended")
			.isLessThanOrEqualTo(dispatchersBefore);
	}

	private static long httpServerDispatchers() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !thread.isDaemon() && thread.getName().startsWith("HTTP-Dispatcher"))
			.count();
	}

	private static void awaitNoThread(String prefix) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (alive(prefix) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(alive(prefix)).as("threads named " + prefix + "* have ended").isFalse();
	}

	private static boolean alive(String prefix) {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().startsWith(prefix));
	}

}
