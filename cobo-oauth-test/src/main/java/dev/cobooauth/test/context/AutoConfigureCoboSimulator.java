package dev.cobooauth.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.cobooauth.test.ResponseHeaderSpelling;

/**
 * Runs a Spring test's application context against a {@link dev.cobooauth.test.CoboSimulator}
 * instead of Cobo. For each context it starts a simulator, generates an Ed25519 app key and an
 * Ed25519 API key, registers the app (installed in {@link #orgIds()}) and the API key (for the first of
 * them), registers the simulator as the bean {@code coboSimulator}, and sets:
 * <ul>
 * <li>{@code cobo.base-url}: the simulator's base URL;</li>
 * <li>{@code cobo.response-verification.enabled=true}, {@code cobo.response-verification.public-key} and
 * {@code cobo.webhook.public-key}: the key the simulator signs its answers and deliveries with;</li>
 * <li>{@code cobo.app.client-id}, {@code cobo.app.private-key}, {@code cobo.app.key-type=ed25519};</li>
 * <li>{@code cobo.api-key.private-key}, {@code cobo.api-key.key-type=ed25519};</li>
 * <li>empty, so that they count as not set: {@code cobo.env}, {@code cobo.app.private-key-location},
 * {@code cobo.api-key.private-key-location} and {@code cobo.app.orgs} (no token is fetched at startup).</li>
 * </ul>
 * These properties take precedence over the test's own and the application's {@code application.yml}, so a
 * test of an application configured for a real Cobo runs against the simulator unchanged.
 * {@code cobo.app.default-org} is kept: name it in {@link #orgIds()} for calls that name no org. The
 * simulator stops when the context closes; test classes with equal attributes share a cached context and
 * so one simulator.
 *
 * <pre>
 * &#64;SpringBootTest
 * &#64;AutoConfigureCoboSimulator(orgIds = { "org-1", "org-2" })
 * class PaymentsTest {
 *     &#64;Autowired
 *     CoboSimulator sim;
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureCoboSimulator {

	/** @return the client id of the registered app */
	String clientId() default "sim-client";

	/** @return the orgs the app is installed in; the API key acts for the first; at least one */
	String[] orgIds() default { "org-1", "org-2" };

	/** @return how the simulator spells its response-signature headers */
	ResponseHeaderSpelling responseHeaderSpelling() default ResponseHeaderSpelling.HYPHEN;

}
