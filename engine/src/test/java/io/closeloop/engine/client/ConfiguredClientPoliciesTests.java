package io.closeloop.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.ProductionDatabaseServer;
import io.closeloop.rules.VipClient;
import io.closeloop.rules.WithinBusinessHours;
import io.closeloop.rules.WithinMaintenanceWindow;

class ConfiguredClientPoliciesTests {

	private final ConfiguredClientPolicies policies = new ConfiguredClientPolicies(
			new ClientProperties(Map.of("acme", new ClientProperties.Client(true, "Europe/London",
					"MON-FRI 08:00-18:00", List.of("SAT 22:00-SUN 06:00"), List.of("dev-sql-01")))));

	@Test
	void shouldSayWhatHoldsForTheClientAtTheTime() {
		// Wednesday 10:00 in London (GMT in November).
		assertThat(this.policies.factsFor("acme", "dev-sql-01", Instant.parse("2026-11-18T10:00:00Z")))
			.containsExactlyInAnyOrder(new VipClient("acme"), new WithinBusinessHours("acme"),
					new ProductionDatabaseServer("dev-sql-01"));
		// Saturday 23:30 and Sunday 05:59: inside the window that runs past midnight.
		assertThat(this.policies.factsFor("acme", "dev-42", Instant.parse("2026-11-21T23:30:00Z")))
			.containsExactlyInAnyOrder(new VipClient("acme"), new WithinMaintenanceWindow("acme"));
		assertThat(this.policies.factsFor("acme", "dev-42", Instant.parse("2026-11-22T05:59:00Z")))
			.contains(new WithinMaintenanceWindow("acme"));
		assertThat(this.policies.factsFor("acme", "dev-42", Instant.parse("2026-11-22T06:00:00Z")))
			.doesNotContain(new WithinMaintenanceWindow("acme"));
	}

	@Test
	void shouldUseTheClientsTimeZone() {
		ConfiguredClientPolicies sydney = new ConfiguredClientPolicies(new ClientProperties(Map.of("roo",
				new ClientProperties.Client(false, "Australia/Sydney", "MON-FRI 08:00-18:00", List.of(), List.of()))));
		// Sunday 22:00 UTC is Monday 09:00 in Sydney.
		assertThat(sydney.factsFor("roo", "d", Instant.parse("2026-11-22T22:00:00Z")))
			.containsExactly(new WithinBusinessHours("roo"));
	}

	@Test
	void shouldGiveUnlistedClientsOfficeHoursInUtc() {
		assertThat(this.policies.factsFor("other", "d", Instant.parse("2026-11-18T09:00:00Z")))
			.containsExactly(new WithinBusinessHours("other"));
		assertThat(this.policies.factsFor("other", "d", Instant.parse("2026-11-21T09:00:00Z"))).isEmpty();
	}

	@Test
	void shouldRefuseAMistypedWindowNamingTheClient() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConfiguredClientPolicies(new ClientProperties(Map.of("acme",
					new ClientProperties.Client(false, "UTC", "MON-FRI 08:00-18:00", List.of("weekends"), List.of())))))
			.withMessageContaining("closeloop.clients.acme")
			.withMessageContaining("weekends");
	}

}
