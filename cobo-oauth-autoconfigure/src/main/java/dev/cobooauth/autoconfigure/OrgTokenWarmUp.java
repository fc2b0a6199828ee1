package dev.cobooauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.oauth2.client.ClientAuthorizationException;

/**
 * Fetches the tokens of known organizations ({@code cobo.app.orgs}) at startup, side by side on the
 * starter's executor, so the first calls do not wait for Cobo; startup goes on once every fetch has
 * ended. A failure is logged and the application starts anyway, unless fail-fast is on: then it
 * stops with an {@link OrgTokenWarmUpException} naming the org and Cobo's answer.
 */
final class OrgTokenWarmUp implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(OrgTokenWarmUp.class);

	private final CoboOrgAccessTokens tokens;

	private final List<String> orgs;

	private final boolean failFast;

	private final Executor executor;

	OrgTokenWarmUp(CoboOrgAccessTokens tokens, List<String> orgs, boolean failFast, Executor executor) {
		this.tokens = tokens;
		this.orgs = List.copyOf(orgs);
		this.failFast = failFast;
		this.executor = executor;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<CompletableFuture<Void>> fetches = new ArrayList<>();
		for (String org : this.orgs) {
			fetches.add(CompletableFuture.runAsync(() -> this.tokens.authorize(org), this.executor)
				.exceptionally((failure) -> failed(org, unwrap(failure))));
		}
		try {
			CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
		}
	}

	private @Nullable Void failed(String org, Throwable failure) {
		if (this.failFast) {
			throw new OrgTokenWarmUpException(org, failure);
		}
		String message = "Could not obtain the Org Access Token of org " + org + " at startup; calls will try again: "
				+ failure.getMessage();
		// Cobo's refusals are already logged at WARN where they happened.
		if (failure instanceof ClientAuthorizationException) {
			logger.debug(message);
		}
		else {
			logger.warn(message);
		}
		return null;
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

}
