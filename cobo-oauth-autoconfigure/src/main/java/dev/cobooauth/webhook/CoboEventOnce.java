package dev.cobooauth.webhook;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The decision, shared by Spring MVC and WebFlux, of whether a delivered {@link CoboEvent} runs its
 * handler: {@linkplain #claim claimed} by {@code event_id} before the handler, and when the answer is
 * known, {@linkplain #ended recorded} as handled if it was 2XX and nothing failed, released otherwise so
 * that Cobo's next delivery runs the handler again. Each stack only says when these moments are.
 */
final class CoboEventOnce {

	private static final Log logger = LogFactory.getLog(CoboEventOnce.class);

	private final HandledCoboEvents events;

	CoboEventOnce(HandledCoboEvents events) {
		this.events = events;
	}

	/**
	 * Claims the event for this delivery's handler; blocks when the events are kept in a database.
	 * @param eventId the delivered event
	 * @throws CoboEventAnswers.AlreadyHandled if its handler already completed (answered 200)
	 * @throws CoboEventAnswers.InProgress if its handler is running for another delivery (answered 503)
	 */
	void claim(String eventId) {
		HandledCoboEvents.Claim claim = this.events.claim(eventId);
		if (claim == HandledCoboEvents.Claim.HANDLED) {
			throw new CoboEventAnswers.AlreadyHandled(eventId);
		}
		if (claim == HandledCoboEvents.Claim.IN_PROGRESS) {
			throw new CoboEventAnswers.InProgress(eventId);
		}
	}

	/**
	 * Records how the handler of a claimed event ended; blocks when the events are kept in a database.
	 * A failure to record (a database that does not answer) is logged: the claim then ends after
	 * {@link HandledCoboEvents#ABANDONED_AFTER}. It is caught as any {@code RuntimeException}, not
	 * Spring's {@code DataAccessException}, which an application without spring-tx (a WebFlux one
	 * with events in memory) could not load.
	 * @param eventId the claimed event
	 * @param status the status answered
	 * @param failure what the handler threw, or {@code null}
	 */
	void ended(String eventId, int status, @Nullable Throwable failure) {
		try {
			if (failure == null && status >= 200 && status < 300) {
				this.events.completed(eventId);
			}
			else {
				this.events.released(eventId);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the outcome of Cobo event " + eventId + " (answered " + status
					+ "); its claim ends after " + HandledCoboEvents.ABANDONED_AFTER.toMinutes() + " minutes", ex);
		}
	}

}
