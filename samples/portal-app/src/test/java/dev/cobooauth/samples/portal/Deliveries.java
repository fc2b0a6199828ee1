package dev.cobooauth.samples.portal;

import dev.cobooauth.test.SignedDelivery;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Posts a delivery the simulator signed to an endpoint of the portal, as Cobo does.
 */
final class Deliveries {

	private Deliveries() {
	}

	static RestTestClient.ResponseSpec post(RestTestClient portal, String path, SignedDelivery delivery) {
		return portal.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> delivery.headers().forEach(headers::set))
			.body(delivery.body())
			.exchange();
	}

}
