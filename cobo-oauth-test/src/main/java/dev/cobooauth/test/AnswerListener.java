package dev.cobooauth.test;

/**
 * Told of every request once its answer is decided, just before it is sent (so that a client never
 * sees an answer before it is logged): what the standalone simulator logs, one line per request.
 * Called on the thread that handles the request, so it must be thread-safe and quick.
 */
@FunctionalInterface
interface AnswerListener {

	/** Hears nothing: the default of a simulator in a test, which keeps its requests in memory instead. */
	AnswerListener NONE = (request, status, rejection) -> {
	};

	/**
	 * @param request the request as received
	 * @param status the HTTP status of the answer
	 * @param rejection why the simulator refused the request, or {@code null} when it did not (an
	 * injected fault that answers in its place is not a refusal)
	 */
	void answered(RecordedRequest request, int status, Rejection rejection);

}
