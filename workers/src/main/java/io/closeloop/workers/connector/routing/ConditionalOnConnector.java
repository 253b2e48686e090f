package io.closeloop.workers.connector.routing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Creates the connector's beans when it serves some tenant: it is the kind's
 * {@code connector}, or named for a tenant in its {@code tenants}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnConnectorCondition.class)
public @interface ConditionalOnConnector {

	/** {@code rmm} or {@code psa}. */
	String kind();

	/** The connector's name in configuration, e.g. {@code datto}. */
	String name();

}
