package io.closeloop.engine.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.SwitchableDatabase;

/**
 * The database goes away for 30 seconds while alerts are being worked on: intake answers
 * 503 with Retry-After instead of failing, the workers' steps wait and retry, and once
 * the database is back every accepted alert is resolved with its script run once and one
 * ticket.
 */
class DatabaseOutageTests extends IntegrationTest {

	private static final Duration OUTAGE = Duration.ofSeconds(30);

	@AfterEach
	void databaseBack() {
		SwitchableDatabase.comeBack();
	}

	@Test
	void shouldRideOutA30SecondDatabaseOutageWithoutLosingOrRepeatingAnything() throws InterruptedException {
		ApiClient api = api();
		String hostname = "ACME-WS-" + Alerts.shortId();
		long inFlight = api.postAlert(Alerts.diskLow(hostname, "workstation", "Windows 11")).id();
		api.awaitAlert(inFlight, (alert) -> ApiClient.steps(alert).contains("Ticket opened"), Duration.ofSeconds(30));

		SwitchableDatabase.goDown();
		String refusedBody = Alerts.workstationDiskLow();
		ApiClient.Response refused = api.postAlert(refusedBody);
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.body()).contains("database cannot be reached").doesNotContain("Exception", "at io.");
		Thread.sleep(OUTAGE.toMillis());
		SwitchableDatabase.comeBack();

		Map<String, Object> resolved = api.awaitAlert(inFlight, (alert) -> "RESOLVED".equals(alert.get("status")),
				Duration.ofMinutes(3));
		assertThat(api.simulator("script-runs")).filteredOn((run) -> hostname.equals(run.get("hostname"))).hasSize(1);
		assertThat(api.simulator("tickets")).filteredOn((ticket) -> ("dev-" + hostname).equals(ticket.get("deviceId")))
			.hasSize(1);
		assertThat(ApiClient.steps(resolved)).doesNotContain("Escalated");

		ApiClient.Response resent = api.postAlert(refusedBody);
		assertThat(resent.status()).as("the refused alert was not kept, so sending it again is new").isEqualTo(202);
		api.awaitStatus(resent.id(), "RESOLVED");
	}

}
