package io.closeloop.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.ui.alerts.AlertBoard;
import io.closeloop.ui.autonomy.AutonomyBoard;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.ui.tasks.ApprovalDesk;
import io.closeloop.ui.tasks.ApprovalOutcome;

/**
 * One client's key or technician never sees, lists or acts on another client's alerts and
 * tasks.
 */
class TenantIsolationTests extends IntegrationTest {

	private static final TenantScope GLOBEX = new TenantScope(false, Set.of("globex"));

	@Autowired
	private ApprovalDesk desk;

	@Autowired
	private AlertBoard board;

	@Autowired
	private AutonomyBoard autonomy;

	@Test
	void shouldLetAClientsKeyReportAndReadOnlyItsOwnAlerts() {
		ApiClient api = api();
		String acmeAlert = Alerts.workstationDiskLow();
		String globexAlert = acmeAlert.replace("\"tenant\":\"acme\"", "\"tenant\":\"globex\"");

		ApiClient.Response refused = post(api, acmeAlert);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("may not report alerts for tenant acme");
		ApiClient.Response accepted = post(api, globexAlert);
		assertThat(accepted.status()).isEqualTo(202);

		long acmeId = api.postAlert(Alerts.workstationDiskLow()).id();
		assertThat(get(api, "/api/alerts/" + acmeId).status()).as("another client's alert is not there").isEqualTo(404);
		assertThat(get(api, "/api/alerts/" + accepted.id()).status()).isEqualTo(200);
		assertThat(get(api, "/api/simulator/tickets").status()).isEqualTo(403);
	}

	@Test
	void shouldKeepTwoClientsAlertsApartWhenTheyUseTheSameSourceAndId() {
		ApiClient api = api();
		String acmeAlert = Alerts.workstationDiskLow();
		String globexAlert = acmeAlert.replace("\"tenant\":\"acme\"", "\"tenant\":\"globex\"")
			.replace("ACME-WS-", "GLOBEX-WS-");
		ApiClient.Response acme = api.postAlert(acmeAlert);
		assertThat(acme.status()).isEqualTo(202);

		// Another client's key sends the same source and id: a new alert of its own, told
		// nothing of the first.
		ApiClient.Response globex = post(api, globexAlert);

		assertThat(globex.status()).isEqualTo(202);
		assertThat(globex.id()).isNotEqualTo(acme.id());
		assertThat(globex.json()).containsEntry("duplicate", false).containsEntry("status", "RECEIVED");
		assertThat(globex.body()).doesNotContain(String.valueOf(acme.id()));
		assertThat(get(api, "/api/alerts/" + acme.id()).status()).isEqualTo(404);
		assertThat(ApiClient.steps(api.alert(acme.id()))).doesNotContain("Duplicate received");
		assertThat(api.alert(globex.id())).containsEntry("tenant", "globex");
		// The client's own resend is still recognised.
		assertThat(post(api, globexAlert).json()).containsEntry("duplicate", true)
			.containsEntry("id", (int) globex.id());
	}

	@Test
	void shouldDemoteOnlyTheClientWhoseFixFailed() {
		ApiClient api = api();
		long failed = api.postAlert(Alerts.diskLow("ACME-WS-NOFIX-" + Alerts.shortId(), "workstation", "Windows 11"))
			.id();
		api.awaitStatus(failed, "ESCALATED");

		String globex = Alerts.workstationDiskLow()
			.replace("\"tenant\":\"acme\"", "\"tenant\":\"globex\"")
			.replace("ACME-WS-", "GLOBEX-WS-");
		Map<String, Object> globexAlert = api.awaitStatus(api.postAlert(globex).id(), "RESOLVED");
		long acmeAgain = api.postAlert(Alerts.workstationDiskLow()).id();

		assertThat(ApiClient.decision(globexAlert)).as("globex keeps the autonomy it had")
			.containsEntry("path", "ACT")
			.containsEntry("mode", "AUTONOMOUS");
		assertThat(ApiClient.decision(api.awaitStatus(acmeAgain, "AWAITING_APPROVAL"))).containsEntry("mode",
				"APPROVAL");
	}

	@Test
	void shouldActOnNothingWhenAClientsKeyNamesAnotherClientsDevice() {
		ApiClient api = api();
		String hostname = "ACME-WS-" + Alerts.shortId();
		String acmeAlert = Alerts.diskLow(hostname, "workstation", "Windows 11");
		api.awaitStatus(api.postAlert(acmeAlert).id(), "RESOLVED");

		// Globex's key names acme's device, under a hostname of its own.
		String globexAlert = Alerts.diskLow("GLOBEX-WS-" + Alerts.shortId(), "workstation", "Windows 11")
			.replace("\"tenant\":\"acme\"", "\"tenant\":\"globex\"")
			.replaceFirst("\"id\":\"dev-GLOBEX-WS-[^\"]+\"", "\"id\":\"dev-" + hostname + "\"");
		ApiClient.Response globex = post(api, globexAlert);
		assertThat(globex.status()).isEqualTo(202);
		Map<String, Object> refused = api.awaitStatus(globex.id(), "ESCALATED");

		assertThat(ApiClient.steps(refused)).contains("Device out of scope").doesNotContain("Enriched", "Decided");
		assertThat(ApiClient.timeline(refused)).anySatisfy((step) -> assertThat(step.get("detail")).isEqualTo(
				"before enrichment: device dev-" + hostname + " is not in simulated client globex (tenant globex's)"));
		assertThat(api.simulator("script-runs")).filteredOn((run) -> ("dev-" + hostname).equals(run.get("deviceId")))
			.as("only acme's own fix ran on the device")
			.hasSize(1)
			.allSatisfy((run) -> assertThat(run).containsEntry("tenant", "acme"));
	}

	@Test
	void shouldRefuseTelemetryForAnotherClient() {
		ApiClient api = api();
		ApiClient.Response response = api.send(HttpRequest.newBuilder(api.uri("/api/telemetry"))
			.header("X-Api-Key", GLOBEX_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"tenant":"acme","device":{"id":"dev-1","hostname":"ACME-1"},"metric":"diskFreePct",
					 "value":40.0,"at":"2026-11-21T10:00:00Z"}
					"""))
			.build());
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void shouldKeepAnotherClientsAlertsAndTasksFromATechnician() {
		ApiClient api = api();
		long acmeServerAlert = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(acmeServerAlert, "AWAITING_APPROVAL");
		long acmeTask = openTaskFor(acmeServerAlert).id();

		assertThat(this.desk.openTasks(GLOBEX)).noneMatch((task) -> task.tenant().equals("acme"));
		assertThat(this.desk.decide(acmeTask, true, "", "globex-tech", GLOBEX)).isEqualTo(ApprovalOutcome.NOT_FOUND);
		assertThat(this.board.recent(100, GLOBEX)).noneMatch((alert) -> alert.tenant().equals("acme"));
		assertThat(this.board.find(acmeServerAlert, GLOBEX)).isEmpty();
		assertThat(this.autonomy.recordShadowOutcome(acmeServerAlert, true, "globex-tech", GLOBEX))
			.isEqualTo(AutonomyBoard.ShadowOutcome.NOT_FOUND);
		assertThat(this.desk.openTasks(TenantScope.everything())).anyMatch((task) -> task.id() == acmeTask)
			.as("the refused decision changed nothing");
	}

	private static ApiClient.Response post(ApiClient api, String body) {
		return api.send(HttpRequest.newBuilder(api.uri("/api/alerts"))
			.header("X-Api-Key", GLOBEX_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static ApiClient.Response get(ApiClient api, String path) {
		return api.send(HttpRequest.newBuilder(api.uri(path)).header("X-Api-Key", GLOBEX_KEY).build());
	}

	@Test
	void shouldCountOnlyTheCallersOwnAlertsInTheSummary() throws Exception {
		ApiClient api = api();
		api.postAlert(Alerts.workstationDiskLow());
		HttpRequest asGlobex = HttpRequest.newBuilder(api.uri("/api/alerts/summary"))
			.header("X-Api-Key", GLOBEX_KEY)
			.build();
		HttpRequest asDemo = HttpRequest.newBuilder(api.uri("/api/alerts/summary"))
			.header("X-Api-Key", ApiClient.DEMO_KEY)
			.build();

		long globexAlerts = total(api.send(asGlobex).json());
		long allAlerts = total(api.send(asDemo).json());

		assertThat(allAlerts).isPositive();
		assertThat(globexAlerts).as("globex's key counts no acme alert")
			.isEqualTo(this.board.recent(10_000, GLOBEX).size());
		assertThat(globexAlerts).isLessThan(allAlerts);
	}

	@SuppressWarnings("unchecked")
	private static long total(java.util.Map<String, Object> summary) {
		return ((java.util.Map<String, Number>) summary.get("byStatus")).values()
			.stream()
			.mapToLong(Number::longValue)
			.sum();
	}

}
