package dev.cobooauth.test;

/**
 * Answers one kind of authentic request.
 */
@FunctionalInterface
interface Endpoint {

	/**
	 * @param request the request, already authenticated
	 * @param caller who signed it
	 * @return the answer, to be signed
	 * @throws RejectedRequest when the request is refused
	 */
	SimulatorResponse handle(SimulatorRequest request, Caller caller);

}
