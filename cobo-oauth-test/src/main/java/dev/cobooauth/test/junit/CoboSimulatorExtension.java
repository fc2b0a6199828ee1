package dev.cobooauth.test.junit;

import java.util.function.Supplier;

import dev.cobooauth.test.CoboSimulator;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link CoboSimulator} into test methods, lifecycle methods and constructors, and closes it
 * when its scope ends.
 * <p>
 * A simulator asked for by a test method or its {@code @BeforeEach} / {@code @AfterEach} methods is the
 * test's own: every test starts with a fresh one, with nothing registered. A simulator asked for by a
 * {@code @BeforeAll} method is shared by the whole class, and then the tests get that one.
 *
 * <pre>
 * &#64;ExtendWith(CoboSimulatorExtension.class)
 * class WalletClientTest {
 *     &#64;Test
 *     void listsWallets(CoboSimulator sim) { ... }
 * }
 *
 * // with options:
 * &#64;RegisterExtension
 * static CoboSimulatorExtension cobo = new CoboSimulatorExtension(
 *         () -&gt; CoboSimulator.builder().responseHeaderSpelling(ResponseHeaderSpelling.UNDERSCORE).start());
 * </pre>
 */
public final class CoboSimulatorExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(CoboSimulatorExtension.class);

	private final Supplier<CoboSimulator> starter;

	/** Starts simulators with the default options. */
	public CoboSimulatorExtension() {
		this(CoboSimulator::start);
	}

	/**
	 * @param starter starts a simulator with the options the tests need, e.g.
	 * {@code () -> CoboSimulator.builder().nonceWindow(Duration.ofSeconds(30)).start()}
	 */
	public CoboSimulatorExtension(Supplier<CoboSimulator> starter) {
		if (starter == null) {
			throw new IllegalArgumentException("starter cannot be null");
		}
		this.starter = starter;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == CoboSimulator.class;
	}

	@Override
	public CoboSimulator resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		// The store looks in enclosing scopes first and closes what it created when its scope ends.
		return extensionContext.getStore(NAMESPACE)
			.computeIfAbsent(CoboSimulator.class, (key) -> this.starter.get(), CoboSimulator.class);
	}

}
