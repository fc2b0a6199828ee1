package dev.cobooauth.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.oauth2.client.ClientAuthorizationException;

/**
 * Keeps the tokens of known organizations ({@code cobo.app.orgs}) fresh in the background: at a
 * fixed delay, on the starter's scheduler, it asks for each org's token, which starts the single
 * refresh of a token inside its refresh margin. With an interval below the margin, no call ever
 * waits for a refresh.
 */
final class ProactiveOrgTokenRefresh implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ProactiveOrgTokenRefresh.class);

	private final CoboOrgAccessTokens tokens;

	private final List<String> orgs;

	private final Duration interval;

	private final TaskScheduler scheduler;

	private @Nullable ScheduledFuture<?> schedule;

	ProactiveOrgTokenRefresh(CoboOrgAccessTokens tokens, List<String> orgs, Duration interval,
			TaskScheduler scheduler) {
		this.tokens = tokens;
		this.orgs = List.copyOf(orgs);
		this.interval = interval;
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void start() {
		this.schedule = this.scheduler.scheduleWithFixedDelay(this::refreshDueTokens,
				this.scheduler.getClock().instant().plus(this.interval), this.interval);
	}

	private void refreshDueTokens() {
		for (String org : this.orgs) {
			try {
				this.tokens.authorize(org);
			}
			catch (RuntimeException ex) {
				String message = "Proactive refresh of the Org Access Token of org " + org + " failed: " + ex.getMessage();
				// Cobo's refusals are already logged at WARN where they happened.
				if (ex instanceof ClientAuthorizationException) {
					logger.debug(message);
				}
				else {
					logger.warn(message);
				}
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (this.schedule != null) {
			this.schedule.cancel(false);
			this.schedule = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.schedule != null;
	}

}
