/**
 * The token store that instances of a clustered application share: Spring Security's
 * {@code JdbcOAuth2AuthorizedClientService} on the application's {@code DataSource}, token values
 * optionally encrypted at rest, and a PostgreSQL lock that serializes token requests across
 * instances. Needs {@code spring-jdbc} on the classpath.
 */
package dev.cobooauth.oauth2.client.jdbc;
