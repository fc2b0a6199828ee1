package dev.cobooauth.autoconfigure;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's auto-configurations are shaped like Spring Boot's own: all of them in
 * {@code dev.cobooauth.autoconfigure}, {@code public final} so that an application can exclude any of
 * them by class, listed in {@code AutoConfiguration.imports}, and ordered by class references (by name
 * only after Boot's optional modules).
 */
class AutoConfigurationLayoutTest {

	private static final Set<String> OPTIONAL_BOOT_MODULES = Set.of(OptionalBootAutoConfigurations.REST_CLIENT,
			OptionalBootAutoConfigurations.WEB_CLIENT, OptionalBootAutoConfigurations.DATA_SOURCE,
			OptionalBootAutoConfigurations.JACKSON);

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

	/**
	 * Class references for the Cobo auto-configurations and Spring Boot's core module, which the
	 * library always has; names only for Boot's optional modules, as Boot's own modules do, because a
	 * class reference to a missing module fails every introspection of the annotation (and Spring logs
	 * a warning at each startup of an application without that module).
	 */
	@Test
	void everyListedAutoConfigurationIsOrderedByClassReferencesAndNamesOnlyOptionalBootModules() {
		assertThat(listed()).allSatisfy((type) -> {
			AnnotationMetadata metadata = new SimpleMetadataReaderFactory().getMetadataReader(type.getName())
				.getAnnotationMetadata();
			Map<String, @Nullable Object> attributes = metadata
				.getAnnotationAttributes(AutoConfiguration.class.getName(), true);
			assertThat(attributes).as("@AutoConfiguration on %s", type.getName()).isNotNull();
			assertThat((String[]) attributes.get("after")).as("after of %s", type.getName())
				.allMatch((name) -> name.startsWith("dev.cobooauth.autoconfigure.")
						|| name.startsWith("org.springframework.boot.autoconfigure."));
			assertThat((String[]) attributes.get("afterName")).as("afterName of %s", type.getName())
				.allMatch(OPTIONAL_BOOT_MODULES::contains);
			assertThat((String[]) attributes.get("before")).as("before of %s", type.getName()).isEmpty();
			assertThat((String[]) attributes.get("beforeName")).as("beforeName of %s", type.getName()).isEmpty();
		});
	}

	@Test
	void everyOptionalBootModuleIsNamedByTheClassItIs() {
		assertThat(OPTIONAL_BOOT_MODULES).allSatisfy((name) -> assertThat(ClassUtils.isPresent(name, null))
			.as("%s exists", name)
			.isTrue());
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
