package dev.cobooauth.oauth2;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Runs a reactive token request to its end on the thread that holds a {@link TokenLock}, and
 * brings the store calls it makes back to that thread. A database lock belongs to the holder's
 * transaction, which is bound to its thread: store calls made there join the transaction and use
 * its one connection, where calls on other threads would each take another connection from the
 * pool while the holder keeps its own, and could exhaust the pool when many orgs refresh at once.
 * <p>
 * The request's store calls find the holder's scheduler in the Reactor context under
 * {@link #SCHEDULER}; {@link ReactiveCoboTokenStoreAdapter} runs them on it. Everything else (the
 * HTTP exchange with Cobo) stays where it runs.
 */
final class LockHolderThread {

	/** Context key of the scheduler that runs tasks on the lock holder's thread. */
	static final Object SCHEDULER = LockHolderThread.class;

	private static final Runnable DONE = () -> {
	};

	private LockHolderThread() {
	}

	/**
	 * Subscribes to the request and runs the store calls it hands back on this thread until it
	 * ends. Blocks: call it on a thread that may block, never on an event loop.
	 * @param request the token request
	 * @param <T> its result
	 * @return its result, or {@code null} if it completed empty
	 */
	static <T> T await(Mono<T> request) {
		BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
		Scheduler here = Schedulers.fromExecutor(tasks::add);
		CompletableFuture<T> result = request.contextWrite(Context.of(SCHEDULER, here)).toFuture();
		result.whenComplete((value, failure) -> tasks.add(DONE));
		try {
			for (Runnable task = tasks.take(); task != DONE; task = tasks.take()) {
				task.run();
			}
			return result.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.cancel(true);
			throw new IllegalStateException("Interrupted while holding a token lock", ex);
		}
		catch (CompletionException ex) {
			throw rethrow(ex.getCause());
		}
		finally {
			here.dispose();
		}
	}

	private static RuntimeException rethrow(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(failure);
	}

}
