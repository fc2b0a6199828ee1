package dev.cobooauth.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last requests received, oldest first, up to a limit. Thread-safe.
 */
final class RequestLog {

	private final int limit;

	private final Deque<RecordedRequest> requests;

	RequestLog(int limit) {
		this.limit = limit;
		this.requests = new ArrayDeque<>(limit);
	}

	synchronized void add(RecordedRequest request) {
		if (this.requests.size() == this.limit) {
			this.requests.removeFirst();
		}
		this.requests.addLast(request);
	}

	synchronized List<RecordedRequest> snapshot() {
		return List.copyOf(this.requests);
	}

	synchronized RecordedRequest last() {
		return this.requests.peekLast();
	}

	synchronized void clear() {
		this.requests.clear();
	}

}
