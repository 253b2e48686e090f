package io.closeloop.workers.connector.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.RmmConnector;

/**
 * When {@code closeloop.rmm.tenants} or {@code closeloop.psa.tenants} sends some tenants
 * to another connector than the default, every connector named is created (see
 * {@link ConditionalOnConnector}), and the workers get one that routes each call by
 * tenant. Connector beans are named {@code rmm.<name>} and {@code psa.<name>}.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorRoutingConfiguration {

	@Bean
	@Primary
	@Conditional(OnRmmRoutingCondition.class)
	TenantRoutedRmm tenantRoutedRmm(Environment environment, ListableBeanFactory beans) {
		ConnectorChoice choice = ConnectorChoice.of(environment, "rmm");
		return new TenantRoutedRmm(choice, connectors(choice, beans, RmmConnector.class));
	}

	@Bean
	@Primary
	@Conditional(OnPsaRoutingCondition.class)
	TenantRoutedPsa tenantRoutedPsa(Environment environment, ListableBeanFactory beans) {
		ConnectorChoice choice = ConnectorChoice.of(environment, "psa");
		return new TenantRoutedPsa(choice, connectors(choice, beans, PsaConnector.class));
	}

	private static <T> Map<String, T> connectors(ConnectorChoice choice, ListableBeanFactory beans, Class<T> type) {
		Map<String, T> connectors = new HashMap<>();
		for (String name : new TreeSet<>(choice.tenants().values())) {
			connectors.put(name, connector(choice, beans, type, name));
		}
		connectors.put(choice.fallback(), connector(choice, beans, type, choice.fallback()));
		return connectors;
	}

	private static <T> T connector(ConnectorChoice choice, ListableBeanFactory beans, Class<T> type, String name) {
		try {
			return beans.getBean(choice.kind() + "." + name, type);
		}
		catch (NoSuchBeanDefinitionException ex) {
			// The name is all the user needs: say which ones exist.
			throw new IllegalStateException("closeloop." + choice.kind() + " names the connector '" + name
					+ "', which does not exist; known: " + known(beans, choice.kind(), type));
		}
	}

	private static TreeSet<String> known(ListableBeanFactory beans, String kind, Class<?> type) {
		TreeSet<String> names = new TreeSet<>();
		for (String bean : beans.getBeanNamesForType(type)) {
			if (bean.startsWith(kind + ".")) {
				names.add(bean.substring(kind.length() + 1));
			}
		}
		return names;
	}

}
