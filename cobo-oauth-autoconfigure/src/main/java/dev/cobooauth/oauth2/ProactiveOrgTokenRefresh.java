package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps the tokens of known organizations ({@code cobo.app.orgs}) fresh in the background: at a
 * fixed interval it asks for each org's token, which starts the single refresh of a token inside
 * its refresh margin. With an interval below the margin, no call ever waits for a refresh.
 */
public final class ProactiveOrgTokenRefresh implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ProactiveOrgTokenRefresh.class);

	private final CoboOrgAccessTokens tokens;

	private final List<String> orgs;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	/**
	 * @param tokens hands out the tokens
	 * @param orgs the organizations to keep fresh
	 * @param interval how often to look at their tokens
	 */
	public ProactiveOrgTokenRefresh(CoboOrgAccessTokens tokens, List<String> orgs, Duration interval) {
		if (tokens == null || orgs == null) {
			throw new IllegalArgumentException("tokens and orgs cannot be null");
		}
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("interval must be positive");
		}
		this.tokens = tokens;
		this.orgs = List.copyOf(orgs);
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "cobo-token-proactive-refresh");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.scheduler.scheduleWithFixedDelay(this::refreshDueTokens, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void refreshDueTokens() {
		for (String org : this.orgs) {
			try {
				this.tokens.authorize(org);
			}
			catch (RuntimeException ex) {
				logger.warn("Proactive refresh of the Org Access Token of org " + org + " failed: " + ex.getMessage());
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
