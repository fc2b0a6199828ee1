package dev.cobooauth.autoconfigure;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's auto-configurations are shaped like Spring Boot's own: all of them in
 * {@code dev.cobooauth.autoconfigure}, {@code public final} so that an application can exclude any of
 * them by class, listed in {@code AutoConfiguration.imports}, and ordered by class references.
 */
class AutoConfigurationLayoutTest {

	static List<Class<?>> listed() {
		return ImportCandidates.load(AutoConfiguration.class, AutoConfigurationLayoutTest.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.cobooauth."))
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, null))
			.toList();
	}

	@Test
	void everyListedAutoConfigurationIsPublicFinalAndInTheAutoConfigurePackage() {
		assertThat(listed()).isNotEmpty().allSatisfy((type) -> {
			assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type.getName()).isTrue();
			assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type.getName()).isTrue();
			assertThat(type.getPackageName()).as("package of %s", type.getName())
				.matches("dev\\.cobooauth\\.autoconfigure(\\..+)?");
		});
	}

	@Test
	void everyListedAutoConfigurationIsOrderedByClassReferencesOnly() {
		assertThat(listed()).allSatisfy((type) -> {
			AutoConfiguration annotation = type.getAnnotation(AutoConfiguration.class);
			assertThat(annotation).as("@AutoConfiguration on %s", type.getName()).isNotNull();
			assertThat(annotation.afterName()).as("afterName of %s", type.getName()).isEmpty();
			assertThat(annotation.beforeName()).as("beforeName of %s", type.getName()).isEmpty();
		});
	}

	@Test
	void everyAutoConfigurationOfTheLibraryIsListed() throws Exception {
		Path classes = Path.of(CoboProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Set<String> found;
		try (Stream<Path> files = Files.walk(classes)) {
			found = files.map((file) -> classes.relativize(file).toString())
				.filter((file) -> file.endsWith(".class") && !file.contains("$"))
				.map((file) -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
				.filter((name) -> ClassUtils.resolveClassName(name, null).isAnnotationPresent(AutoConfiguration.class))
				.collect(Collectors.toCollection(TreeSet::new));
		}
		Set<String> listed = listed().stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
		assertThat(listed).isEqualTo(found);
	}

}
