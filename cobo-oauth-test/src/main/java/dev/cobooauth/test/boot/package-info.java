/**
 * Spring Boot application glue: {@link dev.cobooauth.test.boot.CoboSimulatorEnvironmentPostProcessor}
 * runs an application that opts in against a {@link dev.cobooauth.test.CoboSimulator} started in the
 * same JVM, for demos and samples.
 */
package dev.cobooauth.test.boot;
