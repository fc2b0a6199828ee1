package dev.cobooauth.oauth2.endpoint;

/**
 * An error as Cobo answered it. Token errors come OAuth style ({@code error},
 * {@code error_description}); other errors come as {@code error_code}, {@code error_message} and
 * {@code error_id}. Whichever fields the answer had are kept; the others are {@code null}.
 *
 * @param httpStatus the HTTP status
 * @param error the OAuth error code
 * @param errorDescription the OAuth error description
 * @param errorCode Cobo's numeric error code, e.g. 1000 or 2023
 * @param errorMessage Cobo's error message
 * @param errorId Cobo's id of this error occurrence, for its support
 */
public record CoboErrorResponse(int httpStatus, String error, String errorDescription, Integer errorCode,
		String errorMessage, String errorId) {

	/**
	 * @return a one-line summary of everything Cobo said
	 */
	public String summary() {
		StringBuilder summary = new StringBuilder("HTTP ").append(this.httpStatus);
		if (this.error != null) {
			summary.append(", error=").append(this.error);
		}
		if (this.errorDescription != null) {
			summary.append(", error_description=").append(this.errorDescription);
		}
		if (this.errorCode != null) {
			summary.append(", error_code=").append(this.errorCode);
		}
		if (this.errorMessage != null) {
			summary.append(", error_message=").append(this.errorMessage);
		}
		if (this.errorId != null) {
			summary.append(", error_id=").append(this.errorId);
		}
		return summary.toString();
	}

}
