package dev.cobooauth.architecture;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cobooauth.oauth2.CoboTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers of the library, read from its compiled classes: the library packages never refer to the
 * auto-configuration, which assembles them through their public API, and no packages refer to each
 * other in a circle.
 */
class PackageDependenciesTest {

	private static final Set<String> LIBRARY = Set.of("signing", "oauth2", "transactions", "webhook", "web");

	private final Map<String, Set<String>> references = ClassFileReferences.packageReferences(mainClasses());

	@Test
	void theAutoConfigurationRefersToEveryLibraryPackage() {
		assertThat(this.references).containsKeys(LIBRARY.toArray(String[]::new));
		assertThat(this.references.get("autoconfigure")).containsAll(LIBRARY);
	}

	@Test
	void noLibraryPackageRefersToTheAutoConfiguration() {
		for (String library : LIBRARY) {
			assertThat(this.references.get(library)).as("what dev.cobooauth.%s refers to", library)
				.noneMatch((target) -> target.equals("autoconfigure") || target.startsWith("autoconfigure."));
		}
	}

	@Test
	void noPackagesReferToEachOtherInACircle() {
		assertThat(cycles()).as("circles of packages below dev.cobooauth").isEmpty();
	}

	private List<List<String>> cycles() {
		List<List<String>> cycles = new ArrayList<>();
		Set<String> done = new HashSet<>();
		for (String start : this.references.keySet()) {
			findCycles(start, new ArrayDeque<>(), new HashSet<>(), done, cycles);
		}
		return cycles;
	}

	private void findCycles(String current, Deque<String> path, Set<String> onPath, Set<String> done,
			List<List<String>> cycles) {
		if (onPath.contains(current)) {
			List<String> cycle = new ArrayList<>();
			boolean inCycle = false;
			for (String node : (Iterable<String>) path::descendingIterator) {
				inCycle = inCycle || node.equals(current);
				if (inCycle) {
					cycle.add(node);
				}
			}
			cycle.add(current);
			cycles.add(cycle);
			return;
		}
		if (!done.add(current)) {
			return;
		}
		path.push(current);
		onPath.add(current);
		for (String next : this.references.getOrDefault(current, Set.of())) {
			findCycles(next, path, onPath, done, cycles);
		}
		onPath.remove(current);
		path.pop();
	}

	private static Path mainClasses() {
		try {
			return Path.of(CoboTokens.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
