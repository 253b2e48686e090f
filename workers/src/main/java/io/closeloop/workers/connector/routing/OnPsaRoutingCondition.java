package io.closeloop.workers.connector.routing;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Some tenants use another PSA than the default. */
class OnPsaRoutingCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return ConnectorChoice.of(context.getEnvironment(), "psa").routesByTenant();
	}

}
