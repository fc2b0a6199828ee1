package dev.cobooauth.test.context;

import java.io.IOException;
import java.net.Socket;
import java.util.List;

import dev.cobooauth.test.CoboSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The factory behind {@link AutoConfigureCoboSimulator}, outside a test context.
 */
class CoboSimulatorContextCustomizerFactoryTest {

	private final CoboSimulatorContextCustomizerFactory factory = new CoboSimulatorContextCustomizerFactory();

	@Test
	void ignoresATestClassWithoutTheAnnotation() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void givesEqualAnnotationsEqualCustomizersSoContextsAreCached() {
		assertThat(this.factory.createContextCustomizer(Annotated.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(AlsoAnnotated.class, List.of()));
	}

	@Test
	void findsTheAnnotationOnASuperclass() {
		assertThat(this.factory.createContextCustomizer(Inheriting.class, List.of())).isNotNull();
	}

	@Test
	void refusesAnAnnotationWithoutOrgs() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.factory.createContextCustomizer(WithoutOrgs.class, List.of()))
			.withMessageContaining("orgIds");
	}

	@Test
	void stopsTheSimulatorWhenTheContextCloses() throws IOException {
		ContextCustomizer customizer = this.factory.createContextCustomizer(Annotated.class, List.of());
		GenericApplicationContext context = new GenericApplicationContext();
		customizer.customizeContext(context, null);
		context.refresh();
		int port = context.getBean(CoboSimulator.class).port();
		new Socket("127.0.0.1", port).close();

		context.close();

		assertThatIOException().isThrownBy(() -> new Socket("127.0.0.1", port).close());
	}

	@Test
	void keepsGeneratedKeysOutOfTheCustomizersToString() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(Annotated.class, List.of());
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, null);
			context.refresh();

			assertThat(customizer.toString())
				.doesNotContain(context.getEnvironment().getProperty("cobo.app.private-key"));
		}
	}

	static class Plain {

	}

	@AutoConfigureCoboSimulator
	static class Annotated {

	}

	@AutoConfigureCoboSimulator
	static class AlsoAnnotated {

	}

	static class Inheriting extends Annotated {

	}

	@AutoConfigureCoboSimulator(orgIds = {})
	static class WithoutOrgs {

	}

}
