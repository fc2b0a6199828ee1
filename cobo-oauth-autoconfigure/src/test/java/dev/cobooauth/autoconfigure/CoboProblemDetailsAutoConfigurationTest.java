package dev.cobooauth.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of the starter's exception handlers appear: in web applications of either stack, each with
 * the library its failures come from, unless turned off or replaced.
 */
class CoboProblemDetailsAutoConfigurationTest {

	private static final AutoConfigurations PROBLEM_DETAILS = AutoConfigurations
		.of(CoboProblemDetailsAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(PROBLEM_DETAILS);

	@Test
	void answersEveryFailureInAServletApplication() {
		this.servlet.run((context) -> assertThat(context)
			.hasSingleBean(CoboProblemDetailsExceptionHandler.class)
			.hasSingleBean(CoboProblemDetailsExceptionHandler.TokenFailureHandler.class)
			.hasSingleBean(CoboProblemDetailsExceptionHandler.WebClientAnswerHandler.class));
	}

	@Test
	void answersEveryFailureInAReactiveApplication() {
		new ReactiveWebApplicationContextRunner().withConfiguration(PROBLEM_DETAILS)
			.run((context) -> assertThat(context).hasSingleBean(CoboProblemDetailsExceptionHandler.class)
				.hasSingleBean(CoboProblemDetailsExceptionHandler.TokenFailureHandler.class)
				.hasSingleBean(CoboProblemDetailsExceptionHandler.WebClientAnswerHandler.class));
	}

	@Test
	void answersNothingOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(PROBLEM_DETAILS)
			.run((context) -> assertThat(context).doesNotHaveBean(CoboProblemDetailsExceptionHandler.class)
				.doesNotHaveBean(CoboProblemDetailsExceptionHandler.TokenFailureHandler.class));
	}

	@Test
	void answersNothingWhenTurnedOff() {
		this.servlet.withPropertyValues("cobo.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CoboProblemDetailsExceptionHandler.class)
				.doesNotHaveBean(CoboProblemDetailsExceptionHandler.TokenFailureHandler.class)
				.doesNotHaveBean(CoboProblemDetailsExceptionHandler.WebClientAnswerHandler.class));
	}

	@Test
	void leavesTokenFailuresAloneWithoutSpringSecurity() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CoboProblemDetailsExceptionHandler.class)
				.doesNotHaveBean(CoboProblemDetailsExceptionHandler.TokenFailureHandler.class));
	}

	@Test
	void leavesWebClientAnswersAloneWithoutWebFlux() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive", "reactor.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CoboProblemDetailsExceptionHandler.class)
				.doesNotHaveBean(CoboProblemDetailsExceptionHandler.WebClientAnswerHandler.class));
	}

	@Test
	void backsOffFromAHandlerOfTheApplication() {
		CoboProblemDetailsExceptionHandler own = new CoboProblemDetailsExceptionHandler();
		this.servlet.withBean(CoboProblemDetailsExceptionHandler.class, () -> own)
			.run((context) -> assertThat(context.getBean(CoboProblemDetailsExceptionHandler.class)).isSameAs(own));
	}

}
