package io.closeloop.workers.connector.routing;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnConnector}. */
class OnConnectorCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnConnector.class.getName());
		String kind = (String) attributes.get("kind");
		String name = (String) attributes.get("name");
		ConnectorChoice choice = ConnectorChoice.of(context.getEnvironment(), kind);
		return choice.uses(name) ? ConditionOutcome.match(kind + " connector " + name + " serves some tenant")
				: ConditionOutcome.noMatch(kind + " connector " + name + " serves no tenant");
	}

}
