package dev.cobooauth.samples.checkout;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops startup, before any bean is made, when the checkout is not told which Cobo app it is and with
 * which keys it signs (the app key, and the API key for {@code /checkout/token}), and names the
 * properties to set: a deployment of the sample calls the Cobo its settings name, or nothing. The
 * Cobo simulator is not in the executable jar; it runs only from the test class path
 * ({@code ./mvnw -pl samples/checkout-app -am spring-boot:test-run}), where it sets these properties
 * itself.
 */
@Component
class RequiredCoboSettings implements BeanFactoryPostProcessor, EnvironmentAware {

	/** Each entry is one setting, given by any of its property names. */
	static final List<List<String>> REQUIRED = List.of(List.of("cobo.app.client-id"),
			List.of("cobo.app.private-key-location", "cobo.app.private-key"),
			List.of("cobo.api-key.private-key-location", "cobo.api-key.private-key"));

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> missing = REQUIRED.stream()
			.filter((names) -> names.stream().noneMatch(this::isSet))
			.map((names) -> String.join(" (or ", names) + (names.size() > 1 ? ")" : ""))
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The checkout sample needs the settings of a Cobo Portal App and is missing "
					+ String.join(", ", missing) + ". Set them, with cobo.env (dev, sandbox or "
					+ "prod) or cobo.base-url, e.g. --cobo.env=sandbox --cobo.app.client-id=YOUR_CLIENT_ID "
					+ "--cobo.app.private-key-location=file:/path/to/app-secret "
					+ "--cobo.api-key.private-key-location=file:/path/to/api-secret (or COBO_ENV, COBO_APP_CLIENT_ID, "
					+ "... in the environment). To try the sample without a Cobo account, run it against the Cobo "
					+ "simulator from a clone of the repository: ./mvnw -pl samples/checkout-app -am spring-boot:test-run");
		}
	}

	private boolean isSet(String name) {
		String value = this.environment.getProperty(name);
		return value != null && !value.isBlank();
	}

}
