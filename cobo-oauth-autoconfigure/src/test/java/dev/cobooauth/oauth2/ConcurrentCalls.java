package dev.cobooauth.oauth2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fires a number of calls at once from as many threads, released together, and collects what each
 * returned or threw.
 */
public final class ConcurrentCalls {

	private ConcurrentCalls() {
	}

	/**
	 * @param count how many calls
	 * @param call the call
	 * @return each call's outcome: its result, or the exception it threw
	 */
	public static List<Object> run(int count, Callable<?> call) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		List<Object> outcomes = new ArrayList<>();
		for (Future<?> future : futures) {
			try {
				outcomes.add(future.get(60, TimeUnit.SECONDS));
			}
			catch (ExecutionException ex) {
				outcomes.add(ex.getCause());
			}
			catch (TimeoutException ex) {
				outcomes.add(ex);
			}
		}
		pool.shutdownNow();
		return outcomes;
	}

}
