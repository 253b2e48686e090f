package io.closeloop.engine.client;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.closeloop.rules.ProductionDatabaseServer;
import io.closeloop.rules.ProductionDevice;
import io.closeloop.rules.VipClient;
import io.closeloop.rules.WithinBusinessHours;
import io.closeloop.rules.WithinMaintenanceWindow;
import io.closeloop.workers.connector.DeviceRef;
import io.closeloop.workers.decision.ClientPolicies;

/**
 * The client configuration as facts for a decision. Parsed once at start-up, so a
 * mistyped window stops the application with the offending text instead of being silently
 * ignored.
 */
@Component
class ConfiguredClientPolicies implements ClientPolicies {

	private final Map<String, Compiled> clients = new HashMap<>();

	private final Compiled defaults;

	ConfiguredClientPolicies(ClientProperties properties) {
		properties.clients().forEach((tenant, client) -> this.clients.put(tenant, Compiled.of(tenant, client)));
		this.defaults = Compiled.of("*", ClientProperties.Client.DEFAULT);
	}

	@Override
	public List<Object> factsFor(String tenant, DeviceRef device, Instant at) {
		String deviceId = (device != null) ? device.id() : null;
		Compiled client = this.clients.getOrDefault(tenant, this.defaults);
		ZonedDateTime local = at.atZone(client.zone());
		List<Object> facts = new ArrayList<>();
		if (client.settings().vip()) {
			facts.add(new VipClient(tenant));
		}
		if (client.businessHours().contains(local)) {
			facts.add(new WithinBusinessHours(tenant));
		}
		if (client.maintenanceWindows().stream().anyMatch((window) -> window.contains(local))) {
			facts.add(new WithinMaintenanceWindow(tenant));
		}
		if (deviceId != null && client.settings().productionDatabaseServers().contains(deviceId)) {
			facts.add(new ProductionDatabaseServer(deviceId));
		}
		if (device != null && client.settings().isProductionDevice(deviceId, device.hostname())) {
			facts.add(new ProductionDevice((device.hostname() != null) ? device.hostname() : deviceId));
		}
		return facts;
	}

	private record Compiled(ClientProperties.Client settings, ZoneId zone, WeeklyWindow businessHours,
			List<WeeklyWindow> maintenanceWindows) {

		static Compiled of(String tenant, ClientProperties.Client client) {
			try {
				return new Compiled(client, ZoneId.of(client.timeZone()), WeeklyWindow.parse(client.businessHours()),
						client.maintenanceWindows().stream().map(WeeklyWindow::parse).toList());
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("closeloop.clients." + tenant + ": " + ex.getMessage(), ex);
			}
		}

	}

}
