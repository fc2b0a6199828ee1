package dev.cobooauth.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * What a native image needs to keep deliveries and token leases in the database: the two scripts
 * of each of the starter's tables that {@link CoboSchemaInitializer} loads from the class path. Spring Security
 * registers its own token table scripts itself.
 * <p>
 * Registered in {@code META-INF/spring/aot.factories}, so the scripts are in every image, whichever
 * {@code cobo.token-store.type} it was built with: a renamed script fails the build, not a
 * startup.
 */
class CoboSchemaRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		ResourceLoader scripts = new DefaultResourceLoader(classLoader);
		hints.resources().registerResource(scripts.getResource(CoboSchemaInitializer.Table.DELIVERIES.schema()));
		hints.resources().registerResource(scripts.getResource(CoboSchemaInitializer.Table.DELIVERIES.postgresSchema()));
		hints.resources().registerResource(scripts.getResource(CoboSchemaInitializer.Table.TOKEN_LEASES.schema()));
		hints.resources()
			.registerResource(scripts.getResource(CoboSchemaInitializer.Table.TOKEN_LEASES.postgresSchema()));
		hints.resources().registerResource(scripts.getResource(CoboSchemaInitializer.Table.EVENTS.schema()));
		hints.resources().registerResource(scripts.getResource(CoboSchemaInitializer.Table.EVENTS.postgresSchema()));
	}

}
