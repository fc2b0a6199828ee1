package dev.cobooauth.webhook;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a delivery of an event that is not run: 200 for an event already handled (Cobo stops
 * delivering it), 503 with {@code Retry-After} for one whose handler is running for another delivery
 * (Cobo delivers it again, and then learns how it ended). Declared as
 * {@link CoboWebhookServer.EventAnswers}, its public face.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoboEventAnswers {

	CoboEventAnswers() {
	}

	private static final Log logger = LogFactory.getLog(CoboEventAnswers.class);

	/** The seconds a sender is asked to wait before delivering an event in progress again. */
	private static final String RETRY_AFTER = "5";

	@ExceptionHandler
	ResponseEntity<String> alreadyHandled(AlreadyHandled ex) {
		logger.debug("Cobo event " + ex.eventId + " was already handled; acknowledged without handling it again");
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("ok");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> inProgress(InProgress ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Cobo event " + ex.eventId + " is being handled for another delivery; deliver it again later");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** A delivery of an event whose handler completed. */
	static final class AlreadyHandled extends RuntimeException {

		private final String eventId;

		AlreadyHandled(String eventId) {
			super("Cobo event " + eventId + " was already handled", null, false, false);
			this.eventId = eventId;
		}

	}

	/** A delivery of an event whose handler is running. */
	static final class InProgress extends RuntimeException {

		private final String eventId;

		InProgress(String eventId) {
			super("Cobo event " + eventId + " is being handled", null, false, false);
			this.eventId = eventId;
		}

	}

}
