package io.closeloop.engine.client;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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
 * closeloop.clients.acme.production-devices: ACME-PLC-*, dev-hmi-02
 * </pre>
 *
 * A tenant not listed has every setting at its default, as does a listed tenant for each
 * setting it leaves out.
 */
@ConfigurationProperties("closeloop")
public record ClientProperties(@DefaultValue Map<String, Client> clients) {

	public ClientProperties {
		clients = Map.copyOf(clients);
	}

	Client client(String tenant) {
		return this.clients.getOrDefault(tenant, Client.DEFAULT);
	}

	/**
	 * One client's settings ({@code closeloop.clients.<tenant>.*}), used by the rules at
	 * the time of the decision.
	 *
	 * @param vip every fix waits for a technician
	 * @param timeZone the time zone of the business hours and maintenance windows
	 * @param businessHours reboots in business hours need approval
	 * @param maintenanceWindows windows such as {@code SAT 22:00-SUN 06:00}: workstation
	 * reboots may run alone inside
	 * @param productionDatabaseServers device ids whose fixes need approval, and whose
	 * reboots are for a person
	 * @param productionDevices devices (ids or hostnames, any case; a trailing {@code *}
	 * matches the start) the client runs production on, whatever the RMM calls them: no
	 * fix on them runs without a technician
	 */
	public record Client(@DefaultValue("false") boolean vip, @DefaultValue("UTC") String timeZone,
			@DefaultValue("MON-FRI 08:00-18:00") String businessHours, @DefaultValue List<String> maintenanceWindows,
			@DefaultValue List<String> productionDatabaseServers, @DefaultValue List<String> productionDevices) {

		/**
		 * The settings of a tenant not listed: bound from nothing, so every one is its
		 * {@code @DefaultValue}.
		 */
		static final Client DEFAULT = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("closeloop.clients.unlisted", Client.class);

		public Client {
			maintenanceWindows = List.copyOf(maintenanceWindows);
			productionDatabaseServers = List.copyOf(productionDatabaseServers);
			productionDevices = List.copyOf(productionDevices);
		}

		/** Whether the client marked the device, by its id or hostname, production. */
		boolean isProductionDevice(String deviceId, String hostname) {
			return this.productionDevices.stream()
				.anyMatch((pattern) -> matches(pattern, deviceId) || matches(pattern, hostname));
		}

		private static boolean matches(String pattern, String name) {
			if (name == null || pattern.isBlank()) {
				return false;
			}
			String wanted = pattern.strip().toLowerCase(java.util.Locale.ROOT);
			String given = name.toLowerCase(java.util.Locale.ROOT);
			return wanted.endsWith("*") ? given.startsWith(wanted.substring(0, wanted.length() - 1))
					: given.equals(wanted);
		}

	}

}
