package io.closeloop.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.ProductionDatabaseServer;
import io.closeloop.rules.ProductionDevice;
import io.closeloop.rules.VipClient;
import io.closeloop.rules.WithinBusinessHours;
import io.closeloop.rules.WithinMaintenanceWindow;
import io.closeloop.workers.connector.DeviceRef;

class ConfiguredClientPoliciesTests {

	private final ConfiguredClientPolicies policies = new ConfiguredClientPolicies(new ClientProperties(
			Map.of("acme", new ClientProperties.Client(true, "Europe/London", "MON-FRI 08:00-18:00",
					List.of("SAT 22:00-SUN 06:00"), List.of("dev-sql-01"), List.of("ACME-PLC-*", "dev-hmi-02")))));

	@Test
	void shouldSayWhatHoldsForTheClientAtTheTime() {
		// Wednesday 10:00 in London (GMT in November).
		assertThat(this.policies.factsFor("acme", device("dev-sql-01"), Instant.parse("2026-11-18T10:00:00Z")))
			.containsExactlyInAnyOrder(new VipClient("acme"), new WithinBusinessHours("acme"),
					new ProductionDatabaseServer("dev-sql-01"));
		// Saturday 23:30 and Sunday 05:59: inside the window that runs past midnight.
		assertThat(this.policies.factsFor("acme", device("dev-42"), Instant.parse("2026-11-21T23:30:00Z")))
			.containsExactlyInAnyOrder(new VipClient("acme"), new WithinMaintenanceWindow("acme"));
		assertThat(this.policies.factsFor("acme", device("dev-42"), Instant.parse("2026-11-22T05:59:00Z")))
			.contains(new WithinMaintenanceWindow("acme"));
		assertThat(this.policies.factsFor("acme", device("dev-42"), Instant.parse("2026-11-22T06:00:00Z")))
			.doesNotContain(new WithinMaintenanceWindow("acme"));
	}

	@Test
	void shouldUseTheClientsTimeZone() {
		ConfiguredClientPolicies sydney = new ConfiguredClientPolicies(
				new ClientProperties(Map.of("roo", new ClientProperties.Client(false, "Australia/Sydney",
						"MON-FRI 08:00-18:00", List.of(), List.of(), List.of()))));
		// Sunday 22:00 UTC is Monday 09:00 in Sydney.
		assertThat(sydney.factsFor("roo", device("d"), Instant.parse("2026-11-22T22:00:00Z")))
			.containsExactly(new WithinBusinessHours("roo"));
	}

	@Test
	void shouldGiveUnlistedClientsOfficeHoursInUtc() {
		assertThat(this.policies.factsFor("other", device("d"), Instant.parse("2026-11-18T09:00:00Z")))
			.containsExactly(new WithinBusinessHours("other"));
		assertThat(this.policies.factsFor("other", device("d"), Instant.parse("2026-11-21T09:00:00Z"))).isEmpty();
	}

	@Test
	void shouldMarkTheDevicesTheClientRunsProductionOnByIdOrHostname() {
		Instant saturday = Instant.parse("2026-11-21T12:00:00Z");
		assertThat(this.policies.factsFor("acme",
				new DeviceRef("dev-77", "acme-plc-line3", "Windows 10", "workstation"), saturday))
			.contains(new ProductionDevice("acme-plc-line3"));
		assertThat(this.policies.factsFor("acme", new DeviceRef("DEV-HMI-02", null, null, null), saturday))
			.contains(new ProductionDevice("DEV-HMI-02"));
		assertThat(this.policies.factsFor("acme", new DeviceRef("dev-78", "ACME-WS-PLC", "Windows 11", "workstation"),
				saturday))
			.noneMatch(ProductionDevice.class::isInstance);
		assertThat(this.policies.factsFor("other", new DeviceRef("dev-hmi-02", "ACME-PLC-1", null, null), saturday))
			.as("another client's list")
			.noneMatch(ProductionDevice.class::isInstance);
	}

	private static DeviceRef device(String id) {
		return new DeviceRef(id, null, null, null);
	}

	@Test
	void shouldRefuseAMistypedWindowNamingTheClient() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConfiguredClientPolicies(new ClientProperties(Map.of("acme",
					new ClientProperties.Client(false, "UTC", "MON-FRI 08:00-18:00", List.of("weekends"), List.of(),
							List.of())))))
			.withMessageContaining("closeloop.clients.acme")
			.withMessageContaining("weekends");
	}

}
