package dev.cobooauth.test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Handles every exchange the same way: record the request as received, count it, take a scheduled
 * fault; then (unless the fault answers instead, or drops the connection without answering, and was not
 * scheduled {@linkplain Fault#afterProcessing() after processing}) authenticate the request, hand it to its endpoint,
 * tell the {@link AnswerListener}, and send the answer signed. Every refusal is counted by its
 * {@link Rejection}.
 */
final class SimulatorHttpHandler implements HttpHandler {

	/** An endpoint a request reached, with the path variables it carried. */
	private record Reached(Route route, Map<String, String> variables) {
	}

	/** The answer to a request, and why the request was refused when it was. */
	private record Outcome(SimulatorResponse response, Rejection rejection) {
	}

	private final List<Route> routes;

	private final RequestAuthenticator authenticator;

	private final FaultSchedule faults;

	private final SimulatorCounters counters;

	private final RequestLog log;

	private final ResponseWriter writer;

	private final AnswerListener listener;

	SimulatorHttpHandler(List<Route> routes, RequestAuthenticator authenticator, FaultSchedule faults,
			SimulatorCounters counters, RequestLog log, ResponseWriter writer, AnswerListener listener) {
		this.routes = List.copyOf(routes);
		this.authenticator = authenticator;
		this.faults = faults;
		this.counters = counters;
		this.log = log;
		this.writer = writer;
		this.listener = listener;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
					exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
					exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
			this.log.add(request);
			Reached reached = reach(request);
			String template = (reached != null) ? reached.route().template() : null;
			this.counters.countEndpoint(request.method() + " " + ((template != null) ? template : request.rawPath()));
			Fault fault = this.faults.claim(request.method(), request.rawPath(), template);
			Outcome processed = fault.isAfterProcessing() ? answer(request, reached) : null;
			if (fault.dropsConnection()) {
				dropConnection(exchange, fault);
				return;
			}
			Outcome outcome = (fault.replacement() != null) ? new Outcome(fault.replacement(), null)
					: (processed != null) ? processed : answer(request, reached);
			this.listener.answered(request, outcome.response().status(), outcome.rejection());
			this.writer.write(exchange, outcome.response(), fault);
		}
	}

	/**
	 * Closes the connection without a byte of an answer: closing an exchange whose response headers
	 * were never sent closes its connection (its output stream was never opened), so the client reads
	 * end of stream where the status line should be.
	 */
	private static void dropConnection(HttpExchange exchange, Fault fault) {
		ResponseWriter.pause(fault.delay());
		exchange.close();
	}

	private Reached reach(RecordedRequest request) {
		for (Route route : this.routes) {
			Map<String, String> variables = route.match(request.method(), request.rawPath());
			if (variables != null) {
				return new Reached(route, variables);
			}
		}
		return null;
	}

	private Outcome answer(RecordedRequest request, Reached reached) {
		try {
			QueryParameters query = QueryParameters.parse(request.rawQuery());
			Caller caller = this.authenticator.authenticate(request, query);
			if (reached == null) {
				throw Rejection.NOT_FOUND.because("No endpoint " + request.method() + " " + request.rawPath()
						+ "; the simulator serves " + this.routes.stream().map(Route::name).toList());
			}
			return new Outcome(
					reached.route().endpoint().handle(new SimulatorRequest(request, query, reached.variables()), caller),
					null);
		}
		catch (RejectedRequest ex) {
			this.counters.countRejection(ex.reason());
			return new Outcome(ex.toResponse(), ex.reason());
		}
		catch (RuntimeException ex) {
			this.counters.countRejection(Rejection.INTERNAL_ERROR);
			return new Outcome(Rejection.INTERNAL_ERROR.toResponse("The simulator failed: " + ex),
					Rejection.INTERNAL_ERROR);
		}
	}

}
