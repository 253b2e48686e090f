package io.closeloop.workers.connector.routing;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Some tenants use another RMM than the default. */
class OnRmmRoutingCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return ConnectorChoice.of(context.getEnvironment(), "rmm").routesByTenant();
	}

}
