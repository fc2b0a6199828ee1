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
 * With {@code auto}, and as long as nothing points at a real Cobo (from any source:
 * {@code application.yml}, {@code --cobo.env=sandbox}, {@code COBO_BASE_URL}, {@code COBO_ENV}, ...):
 * no {@code cobo.env} or {@code cobo.base-url}, no {@code cobo.app.client-id} other than the
 * simulator's, no key or key location ({@code cobo.app.private-key[-location]},
 * {@code cobo.api-key.private-key[-location]}) and no {@code cobo.token-store.type=jdbc}, it starts a
 * simulator before any bean reads {@code cobo.*}, registers a
 * fresh Ed25519 app key installed in the orgs and an API key for the first org
 * ({@link SimulatorCredentials}), and puts the {@code cobo.*} properties that point at it first in
 * the environment, in the property source {@value #NAME}.
 * {@code cobo.app.orgs} is left as it is: a demo may warm up orgs of {@code cobo.simulator.org-ids}.
 * That source also states the {@code cobo.simulator.client-id} and {@code cobo.simulator.org-ids} it
 * used. The simulator is the bean {@value #NAME} and stops with the application, also when the
 * application fails to start. When it starts one, it logs a warning banner saying so, since an
 * application that moves no real funds must never be taken for one that does. When anything points
 * at a real Cobo, it starts nothing, says which property it saw, and the application calls that
 * Cobo (or fails to start for what is missing): the simulator never serves a deployment.
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

	/** Each one, set to anything but blank, points at a real Cobo, which the application must then call. */
	private static final List<String> REAL_COBO = List.of("cobo.base-url", "cobo.env", "cobo.app.private-key",
			"cobo.app.private-key-location", "cobo.api-key.private-key", "cobo.api-key.private-key-location");

	private static final String CLIENT_OF_COBO = "cobo.app.client-id";

	private static final String TOKEN_STORE = "cobo.token-store.type";

	/** When the application runs against an embedded simulator. */
	public enum Mode {

		/** Never: the application calls the Cobo its {@code cobo.*} properties name. The default. */
		NEVER,

		/**
		 * Unless anything points at a real Cobo: {@code cobo.env}, {@code cobo.base-url}, a
		 * {@code cobo.app.client-id} other than the simulator's, a key or key location, or
		 * {@code cobo.token-store.type=jdbc}.
		 */
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
		String clientId = binder.bind(CLIENT_ID, String.class).orElse(DEFAULT_CLIENT_ID);
		Optional<String> realCobo = realCobo(binder, clientId);
		if (realCobo.isPresent()) {
			this.log.info("Not starting the embedded Cobo simulator: " + realCobo.get());
			return;
		}
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
		this.log.warn(banner("Started the embedded Cobo simulator at " + simulator.baseUrl() + ": app '" + clientId
				+ "' installed in " + String.join(", ", orgIds) + ", API key for " + orgIds.get(0)
				+ ". This application talks to a simulator in its own JVM, NOT to Cobo: nothing it does moves "
				+ "real funds. Never deploy it like this; set cobo.env (or cobo.base-url) and the app's keys to "
				+ "call Cobo, or cobo.simulator.embedded=never."));
	}

	/**
	 * @return what points at a real Cobo, said as the reason to start nothing, or empty when nothing
	 * does
	 */
	private static Optional<String> realCobo(Binder binder, String simulatorsClientId) {
		Optional<String> named = REAL_COBO.stream().filter((name) -> isSet(binder, name)).findFirst();
		if (named.isPresent()) {
			return named.map((name) -> name + " is set");
		}
		Optional<String> clientId = text(binder, CLIENT_OF_COBO);
		if (clientId.isPresent() && !clientId.get().strip().equals(simulatorsClientId)) {
			return Optional.of(CLIENT_OF_COBO + " is not the simulator's (" + CLIENT_ID + ")");
		}
		if (text(binder, TOKEN_STORE).filter((type) -> type.strip().equalsIgnoreCase("jdbc")).isPresent()) {
			return Optional.of(TOKEN_STORE + "=jdbc is set: a shared token store is a deployment's");
		}
		return Optional.empty();
	}

	private static boolean isSet(Binder binder, String name) {
		return text(binder, name).isPresent();
	}

	private static Optional<String> text(Binder binder, String name) {
		String value = binder.bind(name, String.class).map(String::strip).orElse("");
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	private static String banner(String message) {
		String rule = "*".repeat(100);
		return "\n" + rule + "\n*** EMBEDDED COBO SIMULATOR\n*** " + message + "\n" + rule;
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
