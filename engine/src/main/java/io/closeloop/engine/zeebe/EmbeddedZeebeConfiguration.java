package io.closeloop.engine.zeebe;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.jdbc.core.JdbcTemplate;

import io.closeloop.engine.instance.Instance;

/**
 * Starts the embedded engine before the Camunda client exists, when it is enabled (the
 * default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "closeloop.zeebe.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedZeebeConfiguration {

	static final String ENGINE_BEAN = "embeddedZeebe";

	@Bean(name = ENGINE_BEAN)
	EmbeddedZeebe embeddedZeebe(EmbeddedZeebeProperties properties, EmbeddedEngineLease lease) {
		return new EmbeddedZeebe(properties.port(), lease);
	}

	@Bean
	EmbeddedEngineLease embeddedEngineLease(JdbcTemplate jdbc, LockProvider leases, Instance instance,
			EmbeddedZeebeProperties properties, Clock clock) {
		return new EmbeddedEngineLease(jdbc, leases, instance.id(), properties.lease(), clock);
	}

	/**
	 * The client must not be built, nor its workers start polling, before the engine
	 * listens.
	 */
	@Bean
	static BeanFactoryPostProcessor camundaClientDependsOnEmbeddedEngine() {
		return (beanFactory) -> {
			for (String name : beanFactory.getBeanNamesForType(io.camunda.client.CamundaClient.class, true, false)) {
				BeanDefinition client = beanFactory.getBeanDefinition(name);
				String[] existing = (client.getDependsOn() != null) ? client.getDependsOn() : new String[0];
				String[] dependsOn = Arrays.copyOf(existing, existing.length + 1);
				dependsOn[existing.length] = ENGINE_BEAN;
				client.setDependsOn(dependsOn);
			}
		};
	}

}
