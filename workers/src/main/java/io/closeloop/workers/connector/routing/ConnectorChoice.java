package io.closeloop.workers.connector.routing;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which connector of a kind serves whom: {@code <prefix>.connector} for every tenant
 * ({@code simulator} unless set), and {@code <prefix>.tenants.<tenant>} for the tenants
 * served by another one, e.g. {@code closeloop.rmm.tenants.globex: datto}.
 *
 * @param kind {@code rmm} or {@code psa}
 * @param fallback the connector of tenants not named
 * @param tenants tenant → connector name
 */
public record ConnectorChoice(String kind, String fallback, Map<String, String> tenants) {

	public static final String SIMULATOR = "simulator";

	public ConnectorChoice {
		tenants = Map.copyOf(tenants);
	}

	/** The choice as configured for {@code closeloop.<kind>}. */
	public static ConnectorChoice of(Environment environment, String kind) {
		Binder binder = Binder.get(environment);
		String prefix = "closeloop." + kind;
		String fallback = binder.bind(prefix + ".connector", String.class).orElse(SIMULATOR);
		Map<String, String> tenants = binder.bind(prefix + ".tenants", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		return new ConnectorChoice(kind, fallback, tenants);
	}

	/** Whether some tenant is served by the named connector, so it must exist. */
	public boolean uses(String connector) {
		return this.fallback.equals(connector) || this.tenants.containsValue(connector);
	}

	/** Whether tenants are served by more than one connector. */
	public boolean routesByTenant() {
		return this.tenants.values().stream().anyMatch((connector) -> !connector.equals(this.fallback));
	}

	/** The name of the connector serving the tenant. */
	public String connectorOf(String tenant) {
		return this.tenants.getOrDefault(tenant, this.fallback);
	}

}
