package dev.cobooauth.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a private key is configured under the given prefix, inline
 * ({@code <prefix>.private-key}) or as a file ({@code <prefix>.private-key-location}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnCoboKeyCondition.class)
@interface ConditionalOnCoboKey {

	/**
	 * @return the property prefix, {@code cobo.app} or {@code cobo.api-key}
	 */
	String value();

}
