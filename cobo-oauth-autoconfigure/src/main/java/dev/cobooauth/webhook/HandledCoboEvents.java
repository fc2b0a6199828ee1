package dev.cobooauth.webhook;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Remembers which Cobo events have been handled, by {@code event_id}, so that each is handled once:
 * before a handler that takes a {@link CoboEvent} runs, its event is {@linkplain #claim claimed}; once
 * the handler has answered 2XX it is {@linkplain #completed completed}; when the handler fails it is
 * {@linkplain #released released}, so that Cobo's next delivery runs the handler again. The starter
 * keeps them in memory, or, with {@code cobo.token-store.type=jdbc}, in table
 * {@code cobo_webhook_event} shared by every instance; implement it to keep them elsewhere.
 */
public interface HandledCoboEvents {

	/** How long a claim whose handler never finished (its instance stopped) keeps others out. */
	Duration ABANDONED_AFTER = Duration.ofMinutes(5);

	/**
	 * Claims an event for this handler, atomically: of two claims at the same time, one wins.
	 * @param eventId the event
	 * @return what to do with the delivery
	 */
	Claim claim(String eventId);

	/**
	 * Records that the event's handler completed: later deliveries are acknowledged unhandled.
	 * @param eventId a claimed event
	 */
	void completed(String eventId);

	/**
	 * Forgets the claim of an event whose handler failed, recording nothing.
	 * @param eventId a claimed event
	 */
	void released(String eventId);

	/**
	 * @param retention how long a handled event is remembered
	 * @param clock the time
	 * @return events remembered in this instance's memory
	 */
	static HandledCoboEvents inMemory(Duration retention, Clock clock) {
		return new InMemoryHandledCoboEvents(retention, clock);
	}

	/**
	 * @param dataSource the database holding table {@code cobo_webhook_event}
	 * @param retention how long a handled event is remembered
	 * @param clock the time
	 * @return events remembered in the database, shared by every instance that uses it
	 */
	static HandledCoboEvents jdbc(DataSource dataSource, Duration retention, Clock clock) {
		return new JdbcHandledCoboEvents(dataSource, retention, clock);
	}

	/** What a claim found. */
	enum Claim {

		/** The event is this delivery's to handle. */
		CLAIMED,

		/** Its handler already completed: acknowledge the delivery without handling it. */
		HANDLED,

		/** Its handler is running for another delivery: answer so that Cobo delivers it again later. */
		IN_PROGRESS

	}

}
