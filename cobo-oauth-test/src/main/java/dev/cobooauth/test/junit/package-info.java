/**
 * JUnit Jupiter glue: {@link dev.cobooauth.test.junit.CoboSimulatorExtension} starts and stops a
 * {@link dev.cobooauth.test.CoboSimulator} and injects it.
 */
package dev.cobooauth.test.junit;
