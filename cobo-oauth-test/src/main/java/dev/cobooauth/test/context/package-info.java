/**
 * Spring TestContext glue: {@link dev.cobooauth.test.context.AutoConfigureCoboSimulator} starts a
 * {@link dev.cobooauth.test.CoboSimulator} for a test's application context and points the
 * {@code cobo.*} properties at it.
 */
package dev.cobooauth.test.context;
