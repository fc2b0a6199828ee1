package dev.cobooauth.signing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * What both stacks decide when a request got no response because its connection went away: Cobo's
 * load balancers close idle keep-alive connections, and a request that starts on one as it closes
 * fails with an I/O error before any byte of a response. A new connection is what fixes that, and
 * the client has already thrown the dead one away, so the request is sent once more, at once,
 * without backoff; but only a GET or HEAD, because the client cannot tell whether Cobo received the
 * request, and a POST that Cobo processed must never be sent twice.
 * <p>
 * A timeout is not a dropped connection: the request may have reached a Cobo that is slow or still
 * at work, and sending it again would double the wait that the caller bounded with its timeout,
 * for a call that a new connection does not make faster. Each client reports a timeout with a type
 * of its own: the JDK's {@link HttpTimeoutException}, the {@link java.net.SocketTimeoutException} of
 * {@code HttpURLConnection} and Apache HttpClient, and Reactor Netty's {@code ReadTimeoutException}
 * (not an {@link IOException}) and {@code ConnectTimeoutException} (a
 * {@link java.net.ConnectException}); so any cause named like a {@code TimeoutException} counts,
 * and so does an interruption.
 */
final class DroppedConnections {

	/** Deeper causes than this are not looked at; they would only be a wrapping loop. */
	private static final int MAX_CAUSES = 16;

	private DroppedConnections() {
	}

	/**
	 * @param method the request's method
	 * @return whether the request may be sent again when it got no response: GET and HEAD
	 */
	static boolean mayResend(HttpMethod method) {
		return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
	}

	/**
	 * @param failure how an attempt ended before any response arrived, as the client reported it
	 * @return whether it is an I/O error that a new connection may fix: an {@link IOException}
	 * among its causes, and no timeout or interruption
	 */
	static boolean isDropped(Throwable failure) {
		boolean io = false;
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
			if (isTimeoutOrInterruption(cause)) {
				return false;
			}
			io = io || cause instanceof IOException;
			cause = cause.getCause();
		}
		return io;
	}

	private static boolean isTimeoutOrInterruption(Throwable cause) {
		return cause instanceof InterruptedIOException || cause instanceof HttpTimeoutException
				|| cause instanceof TimeoutException || cause instanceof InterruptedException
				|| cause.getClass().getSimpleName().endsWith("TimeoutException");
	}

	/**
	 * @param method the request's method
	 * @param uri the request's URI; only its path is told, never its query or headers
	 * @param failure how the first attempt ended
	 * @return the debug line that says the request is sent once more
	 */
	static String describeResend(HttpMethod method, URI uri, Throwable failure) {
		Throwable io = firstIoException(failure);
		Throwable told = (io != null) ? io : failure;
		return method.name() + " " + uri.getRawPath() + " got no response (" + told.getClass().getSimpleName() + ": "
				+ told.getMessage() + "); sending it once more, signed anew";
	}

	private static @Nullable Throwable firstIoException(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
			if (cause instanceof IOException) {
				return cause;
			}
			cause = cause.getCause();
		}
		return null;
	}

}
