package io.closeloop.engine.client;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the MSP tells Closeloop about its clients, by tenant, under
 * {@code closeloop.clients}:
 *
 * <pre>
 * closeloop.clients.acme.vip: true
 * closeloop.clients.acme.time-zone: Europe/London
 * closeloop.clients.acme.business-hours: MON-FRI 08:00-18:00
 * closeloop.clients.acme.maintenance-windows: SAT 22:00-SUN 06:00
 * closeloop.clients.acme.production-database-servers: dev-sql-01, dev-sql-02
 * </pre>
 *
 * A tenant not listed has business hours Monday to Friday 08:00-18:00 UTC and nothing
 * else.
 */
@ConfigurationProperties("closeloop")
public record ClientProperties(Map<String, Client> clients) {

	public ClientProperties {
		clients = (clients != null) ? Map.copyOf(clients) : Map.of();
	}

	Client client(String tenant) {
		return this.clients.getOrDefault(tenant, Client.DEFAULT);
	}

	/** One client's settings. */
	public record Client(boolean vip, String timeZone, String businessHours, List<String> maintenanceWindows,
			List<String> productionDatabaseServers) {

		static final Client DEFAULT = new Client(false, null, null, null, null);

		public Client {
			timeZone = (timeZone != null && !timeZone.isBlank()) ? timeZone : "UTC";
			businessHours = (businessHours != null && !businessHours.isBlank()) ? businessHours : "MON-FRI 08:00-18:00";
			maintenanceWindows = (maintenanceWindows != null) ? List.copyOf(maintenanceWindows) : List.of();
			productionDatabaseServers = (productionDatabaseServers != null) ? List.copyOf(productionDatabaseServers)
					: List.of();
		}

	}

}
