package dev.cobooauth.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The faults waiting for coming requests. Each scheduled fault applies to the next {@code times}
 * matching requests and is then used up; when several match one request, the earliest scheduled wins.
 * Thread-safe: of concurrent requests, exactly {@code times} get the fault.
 * <p>
 * A path matches a request when it equals the request's raw path ({@code /v2/wallets/w-1}) or the
 * template of the endpoint it reached ({@code /v2/wallets/{wallet_id}}).
 *
 * <pre>
 * sim.faults().next(2, "/v2/oauth/token", Fault.status(503, "Service Unavailable").unsigned());
 * sim.faults().next(1, "POST", "/v2/oauth/token", Fault.delay(Duration.ofSeconds(2)));
 * </pre>
 */
public final class FaultSchedule {

	private final List<Scheduled> scheduled = new ArrayList<>();

	/**
	 * Schedules a fault for the next requests to a path, whatever their method.
	 * @param times how many requests get it; at least 1
	 * @param path a raw path or an endpoint template, with {@code /v2}
	 * @param fault the fault
	 * @return this schedule
	 */
	public FaultSchedule next(int times, String path, Fault fault) {
		return schedule(times, null, path, fault);
	}

	/**
	 * Schedules a fault for the next requests with a method to a path.
	 * @param times how many requests get it; at least 1
	 * @param method the HTTP method, e.g. {@code POST}
	 * @param path a raw path or an endpoint template, with {@code /v2}
	 * @param fault the fault
	 * @return this schedule
	 */
	public FaultSchedule next(int times, String method, String path, Fault fault) {
		if (method == null || method.isBlank()) {
			throw new IllegalArgumentException("method cannot be null or blank");
		}
		return schedule(times, method.toUpperCase(Locale.ROOT), path, fault);
	}

	/** @return how many faulted answers are still to come, over all scheduled faults */
	public synchronized int remaining() {
		return this.scheduled.stream().mapToInt((entry) -> entry.remaining).sum();
	}

	/** Drops every scheduled fault. */
	public synchronized void clear() {
		this.scheduled.clear();
	}

	/**
	 * Takes the fault for a request, using up one of its times.
	 * @param template the endpoint template reached, or {@code null} when no endpoint matched
	 * @return the fault, or {@link Fault#NONE}
	 */
	synchronized Fault claim(String method, String rawPath, String template) {
		for (Iterator<Scheduled> entries = this.scheduled.iterator(); entries.hasNext();) {
			Scheduled entry = entries.next();
			if (entry.matches(method, rawPath, template)) {
				if (--entry.remaining == 0) {
					entries.remove();
				}
				return entry.fault;
			}
		}
		return Fault.NONE;
	}

	private synchronized FaultSchedule schedule(int times, String method, String path, Fault fault) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + times);
		}
		if (path == null || !path.startsWith("/")) {
			throw new IllegalArgumentException("path must start with '/', e.g. /v2/oauth/token; was " + path);
		}
		if (fault == null) {
			throw new IllegalArgumentException("fault cannot be null");
		}
		this.scheduled.add(new Scheduled(method, path, fault, times));
		return this;
	}

	@Override
	public synchronized String toString() {
		return "FaultSchedule" + this.scheduled;
	}

	private static final class Scheduled {

		private final String method;

		private final String path;

		private final Fault fault;

		private int remaining;

		Scheduled(String method, String path, Fault fault, int remaining) {
			this.method = method;
			this.path = path;
			this.fault = fault;
			this.remaining = remaining;
		}

		boolean matches(String requestMethod, String rawPath, String template) {
			boolean methodMatches = this.method == null || this.method.equals(requestMethod);
			return methodMatches && (this.path.equals(rawPath) || this.path.equals(template));
		}

		@Override
		public String toString() {
			return ((this.method != null) ? this.method + " " : "") + this.path + " x" + this.remaining + " "
					+ this.fault;
		}

	}

}
