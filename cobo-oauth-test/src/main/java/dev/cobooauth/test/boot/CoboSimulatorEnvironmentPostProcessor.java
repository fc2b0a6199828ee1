package dev.cobooauth.test.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.SimulatorCredentials;
import org.apache.commons.logging.Log;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs an application against a {@link CoboSimulator} started in the same JVM, so that a demo or a
 * sample works without a Cobo account. Off unless the application opts in:
 *
 * <pre>
 * cobo:
 *   simulator:
 *     embedded: auto                      # never (default) | auto
 *     client-id: sample-portal-app        # default sim-client
 *     org-ids: org-acme, org-globex       # default org-1, org-2
 * </pre>
 *
 * With {@code auto}, and as long as neither {@code cobo.base-url} nor {@code cobo.env} is set (from
 * any source: {@code application.yml}, {@code --cobo.env=sandbox}, {@code COBO_BASE_URL},
 * {@code COBO_ENV}, ...), it starts a simulator before any bean reads {@code cobo.*}, registers a
 * fresh Ed25519 app key installed in the orgs and an API key for the first org
 * ({@link SimulatorCredentials}), and puts the {@code cobo.*} properties that point at it first in
 * the environment, in the property source {@value #NAME}; they blank the key files of a real Cobo
 * ({@code cobo.app.private-key-location}, ...), so that these do not clash with the simulator's keys.
 * {@code cobo.app.orgs} is left as it is: a demo may warm up orgs of {@code cobo.simulator.org-ids}.
 * That source also states the {@code cobo.simulator.client-id} and {@code cobo.simulator.org-ids} it
 * used. The simulator is the bean {@value #NAME} and stops with the application, also when the
 * application fails to start.
 * When {@code cobo.base-url} or {@code cobo.env} is set, it starts nothing and the application calls
 * that Cobo.
 * <p>
 * Registered in {@code META-INF/spring.factories}; having this module on the class path changes
 * nothing until {@code cobo.simulator.embedded=auto} is set. It logs where the simulator listens,
 * never a key.
 */
public final class CoboSimulatorEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source holding the simulator's {@code cobo.*} properties, and of its bean. */
	public static final String NAME = "coboSimulator";

	/** Whether to start the simulator: {@link Mode}. */
	public static final String EMBEDDED = "cobo.simulator.embedded";

	/** The client id to register the app under. */
	public static final String CLIENT_ID = "cobo.simulator.client-id";

	/** The orgs the app is installed in; the API key acts for the first. */
	public static final String ORG_IDS = "cobo.simulator.org-ids";

	static final String DEFAULT_CLIENT_ID = "sim-client";

	static final List<String> DEFAULT_ORG_IDS = List.of("org-1", "org-2");

	/** Either one names a real Cobo, which the application must then call. */
	private static final List<String> REAL_COBO = List.of("cobo.base-url", "cobo.env");

	/** When the application runs against an embedded simulator. */
	public enum Mode {

		/** Never: the application calls the Cobo its {@code cobo.*} properties name. The default. */
		NEVER,

		/** Unless {@code cobo.base-url} or {@code cobo.env} is set. */
		AUTO

	}

	private final Log log;

	/**
	 * @param logs gives a log that writes once logging is set up
	 */
	public CoboSimulatorEnvironmentPostProcessor(DeferredLogFactory logs) {
		this.log = logs.getLog(CoboSimulatorEnvironmentPostProcessor.class);
	}

	/** Last, so that every other source of {@code cobo.base-url} and {@code cobo.env} has been read. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		if (binder.bind(EMBEDDED, Mode.class).orElse(Mode.NEVER) == Mode.NEVER) {
			return;
		}
		Optional<String> realCobo = REAL_COBO.stream().filter((name) -> isSet(binder, name)).findFirst();
		if (realCobo.isPresent()) {
			this.log.info("Not starting the embedded Cobo simulator: " + realCobo.get() + " is set");
			return;
		}
		String clientId = binder.bind(CLIENT_ID, String.class).orElse(DEFAULT_CLIENT_ID);
		List<String> orgIds = binder.bind(ORG_IDS, Bindable.listOf(String.class)).orElse(DEFAULT_ORG_IDS);
		CoboSimulator simulator = CoboSimulator.start();
		SimulatorCredentials credentials;
		try {
			credentials = SimulatorCredentials.register(simulator, clientId, orgIds);
		}
		catch (RuntimeException ex) {
			simulator.close();
			throw new IllegalStateException("Cannot start the embedded Cobo simulator (" + CLIENT_ID + ", " + ORG_IDS
					+ "): " + ex.getMessage(), ex);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(NAME, propertiesOf(credentials)));
		application.addInitializers(new SimulatorBean(simulator));
		application.addListeners(new CloseOnFailure(simulator));
		this.log.info("Started the embedded Cobo simulator at " + simulator.baseUrl() + ": app '" + clientId
				+ "' installed in " + String.join(", ", orgIds) + ", API key for " + orgIds.get(0)
				+ ". Set cobo.env or cobo.base-url to call Cobo instead.");
	}

	private static boolean isSet(Binder binder, String name) {
		return !binder.bind(name, String.class).map(String::isBlank).orElse(true);
	}

	private static Map<String, Object> propertiesOf(SimulatorCredentials credentials) {
		Map<String, Object> properties = new LinkedHashMap<>(credentials.properties());
		properties.put(CLIENT_ID, credentials.clientId());
		properties.put(ORG_IDS, String.join(",", credentials.orgIds()));
		return properties;
	}

	/**
	 * Publishes the simulator as a bean, and closes it with the context: a disposable bean is destroyed
	 * both when the context closes and when its refresh fails (no close event is sent then).
	 */
	private record SimulatorBean(CoboSimulator simulator)
			implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			beans.registerSingleton(NAME, this.simulator);
			if (beans instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean(NAME, this.simulator::close);
			}
		}

	}

	/**
	 * Closes the simulator when the application fails before its context could: the simulator's
	 * server thread would otherwise keep the JVM alive.
	 */
	private record CloseOnFailure(CoboSimulator simulator) implements ApplicationListener<ApplicationFailedEvent> {

		@Override
		public void onApplicationEvent(ApplicationFailedEvent event) {
			this.simulator.close();
		}

	}

}
