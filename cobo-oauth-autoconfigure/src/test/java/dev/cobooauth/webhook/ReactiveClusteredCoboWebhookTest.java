package dev.cobooauth.webhook;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;

import dev.cobooauth.signing.CoboDelivery;
import dev.cobooauth.webhook.CoboWebhookContract.Answer;
import dev.cobooauth.webhook.CoboWebhookContract.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.cobooauth.webhook.CoboWebhookContract.EVENT;
import static dev.cobooauth.webhook.CoboWebhookContract.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cobo's deliveries to two instances of a Spring WebFlux application sharing a database.
 */
class ReactiveClusteredCoboWebhookTest extends ClusteredCoboWebhookContract {

	private ReactiveWebApplicationContextRunner instance(Clock clock) {
		return ReactiveCoboWebhookTest.application()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> clock);
	}

	@Override
	protected void withInstance(String[] properties, Clock clock, ApplicationTest test) {
		instance(clock).withPropertyValues(properties).run(test::accept);
	}

	@Override
	protected Answer post(ApplicationContext context, String path, Map<String, String> headers, String body) {
		return ReactiveCoboWebhookTest.postTo(context, path, headers, body);
	}

	@Test
	void checksTheDatabaseOnCoboTaskExecutorNotOnTheThreadTheBodyArrivedOn() {
		ThreadPoolTaskExecutor coboTaskExecutor = new ThreadPoolTaskExecutor();
		coboTaskExecutor.setThreadNamePrefix("cobo-test-");
		instance(Clock.systemUTC()).withBean("coboTaskExecutor", Executor.class, () -> coboTaskExecutor)
			.withUserConfiguration(ThreadOfTheHandler.class)
			.withPropertyValues(onPostgres())
			.run((context) -> {
				Answer answer = post(context, "/cobo/thread", signed(EVENT, System.currentTimeMillis()), EVENT);

				assertThat(answer.body()).startsWith("cobo-test-");
			});
	}

	/** Tells the thread a handler of a verified delivery runs on. */
	@RestController
	static class ThreadOfTheHandler {

		@PostMapping("/cobo/thread")
		String thread(@VerifiedCoboDelivery CoboDelivery delivery) {
			return Thread.currentThread().getName();
		}

	}

}
