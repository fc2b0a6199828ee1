package dev.cobooauth.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * Posts webhook events and callbacks to the application as Cobo does: the JSON body, signed again at
 * every delivery, with Cobo's default 2-second timeout per delivery.
 */
final class Deliveries {

	/** How long Cobo waits for an answer to a delivery by default. */
	static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final Function<String, SignedDelivery> signer;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	Deliveries(Function<String, SignedDelivery> signer) {
		this.signer = signer;
	}

	/**
	 * @return the application's answer; a delivery not answered within the timeout answers status 0 and
	 * the reason as body, as Cobo counts it failed
	 */
	DeliveryAnswer deliver(URI url, String body) {
		SignedDelivery signed = this.signer.apply(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		signed.headers().forEach(request::header);
		try {
			HttpResponse<String> response = this.client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new DeliveryAnswer(response.statusCode(), response.body());
		}
		catch (java.net.http.HttpTimeoutException ex) {
			return new DeliveryAnswer(0, "no answer within " + TIMEOUT.toMillis() + " ms");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot deliver to " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while delivering to " + url, ex);
		}
	}

}
