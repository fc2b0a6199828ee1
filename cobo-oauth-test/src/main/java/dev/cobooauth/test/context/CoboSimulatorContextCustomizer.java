package dev.cobooauth.test.context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.ResponseHeaderSpelling;
import dev.cobooauth.test.SimulatorCredentials;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a simulator for one application context and wires it in; see {@link AutoConfigureCoboSimulator}.
 * A record, so that equal annotations give equal customizers and the context cache shares the context.
 * It holds no key: keys are generated per context.
 *
 * @param clientId the app's client id
 * @param orgIds the orgs the app is installed in; the API key acts for the first
 * @param responseHeaderSpelling how the simulator spells its signature headers
 */
record CoboSimulatorContextCustomizer(String clientId, List<String> orgIds,
		ResponseHeaderSpelling responseHeaderSpelling) implements ContextCustomizer {

	static final String BEAN_NAME = "coboSimulator";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		CoboSimulator simulator = CoboSimulator.builder().responseHeaderSpelling(this.responseHeaderSpelling).start();
		SimulatorCredentials credentials = SimulatorCredentials.register(simulator, this.clientId, this.orgIds);
		Map<String, String> properties = new LinkedHashMap<>(credentials.properties());
		// The application's orgs are real ones: their tokens must not be asked of the simulator at startup.
		properties.put("cobo.app.orgs", "");
		TestPropertyValues.of(properties).applyTo(context.getEnvironment(), TestPropertyValues.Type.MAP, BEAN_NAME);
		context.getBeanFactory().registerSingleton(BEAN_NAME, simulator);
		context.addApplicationListener(new StopOnClose(context, simulator));
	}

	/** Stops the simulator with its context (not with a child context, whose events reach it too). */
	private static final class StopOnClose implements ApplicationListener<ContextClosedEvent> {

		private final ConfigurableApplicationContext context;

		private final CoboSimulator simulator;

		StopOnClose(ConfigurableApplicationContext context, CoboSimulator simulator) {
			this.context = context;
			this.simulator = simulator;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			if (event.getApplicationContext() == this.context) {
				this.simulator.close();
			}
		}

	}

}
