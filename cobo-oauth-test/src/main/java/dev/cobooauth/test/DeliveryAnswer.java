package dev.cobooauth.test;

/**
 * What the application answered to a webhook event or callback the simulator delivered.
 *
 * @param status the HTTP status
 * @param body the body, as text
 */
public record DeliveryAnswer(int status, String body) {

	/** @return whether the status is 2XX, which Cobo takes as delivered */
	public boolean delivered() {
		return this.status >= 200 && this.status < 300;
	}

}
