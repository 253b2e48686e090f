package io.closeloop.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.zeebe.EmbeddedZeebe;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.ui.autonomy.AutonomyBoard;
import io.closeloop.ui.autonomy.CategoryStanding;
import io.closeloop.ui.tasks.ApprovalDesk;
import io.closeloop.ui.tasks.ApprovalOutcome;
import io.closeloop.ui.tasks.ApprovalTaskView;

/**
 * The alert-to-resolution loop with the real workers, rules and the simulated RMM and
 * PSA: every path of the diagram, driven over the API as an RMM would.
 */
class AlertLifecycleTests extends IntegrationTest {

	@Autowired
	private ApprovalDesk desk;

	@Autowired
	private EmbeddedZeebe zeebe;

	@Autowired
	private AutonomyBoard autonomy;

	@Test
	@SuppressWarnings("unchecked")
	void shouldResolveAWorkstationDiskAlertAtL1WithinTenSeconds() {
		ApiClient api = api();
		Instant start = Instant.now();
		ApiClient.Response accepted = api.postAlert(Alerts.workstationDiskLow());
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.location()).isEqualTo("/api/alerts/" + accepted.id());
		assertThat(accepted.json()).containsEntry("status", "RECEIVED");

		Map<String, Object> alert = api.awaitAlert(accepted.id(), (a) -> "RESOLVED".equals(a.get("status")),
				Duration.ofSeconds(10));
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L1").containsEntry("remediation", "disk-cleanup");
		assertThat((List<Object>) ApiClient.decision(alert).get("rulesFired"))
			.contains("Known fix on a workstation acts alone");
		assertThat(ApiClient.steps(alert)).containsSubsequence("Received", "Process started", "Ticket opened",
				"Enriched", "Decided", "Remediating", "Script finished", "Verifying", "Fix verified", "Resolved");
		Map<String, Object> ticket = api.ticketOf(alert);
		assertThat(ticket).containsEntry("status", "Closed");
		assertThat(ApiClient.notes(ticket))
			.anySatisfy((note) -> assertThat(note).contains("Resolved by Closeloop", "disk-cleanup", "Verification: "));
	}

	@Test
	void shouldEscalateAnAntivirusAlertAtL3WithoutRunningAScript() {
		ApiClient api = api();
		String hostname = "ACME-WS-" + Alerts.shortId();
		long id = api.postAlert(Alerts.antivirusThreat(hostname)).id();

		Map<String, Object> alert = api.awaitStatus(id, "ESCALATED");
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L3");
		assertThat((String) alert.get("escalationReason")).contains("security incident");
		assertThat(api.simulator("script-runs")).noneMatch((run) -> hostname.equals(run.get("hostname")));
		Map<String, Object> ticket = api.ticketOf(alert);
		assertThat(ticket).containsEntry("status", "Escalated");
		assertThat(ApiClient.notes(ticket))
			.anySatisfy((note) -> assertThat(note).contains("Escalated to", "security incident"));
	}

	@Test
	void shouldRemediateAServerAlertOnlyAfterATechnicianApproves() {
		ApiClient api = api();
		long id = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(id, "AWAITING_APPROVAL");
		ApprovalTaskView task = openTaskFor(id);
		assertThat(task.remediation()).isEqualTo("disk-cleanup");
		assertThat(task.reasons()).contains("L2: the device is a server");

		assertThat(this.desk.decide(task.id(), true, "go ahead", "technician", TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.APPROVED);
		Map<String, Object> alert = api.awaitStatus(id, "RESOLVED");
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L2");
		assertThat(ApiClient.notes(api.ticketOf(alert)))
			.anySatisfy((note) -> assertThat(note).contains("Approved by technician"));
		assertThat(this.desk.decide(task.id(), false, "too late", "supervisor", TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.ALREADY_DECIDED);
	}

	@Test
	void shouldEscalateWithTheCommentWhenATechnicianRejects() {
		ApiClient api = api();
		String body = Alerts.serverDiskLow();
		long id = api.postAlert(body).id();
		api.awaitStatus(id, "AWAITING_APPROVAL");

		assertThat(this.desk.decide(openTaskFor(id).id(), false, "month-end close running", "technician",
				TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.REJECTED);
		Map<String, Object> alert = api.awaitStatus(id, "ESCALATED");
		assertThat((String) alert.get("escalationReason")).isEqualTo("Rejected by technician: month-end close running");
		assertThat(ApiClient.steps(alert)).doesNotContain("Remediating");
	}

	@Test
	void shouldEscalateToASupervisorWhenNobodyApprovesWithinTheSla() {
		ApiClient api = api();
		long id = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(id, "AWAITING_APPROVAL");
		ApprovalTaskView task = openTaskFor(id);

		this.zeebe.engine().increaseTime(Duration.ofHours(2));
		Map<String, Object> alert = api.awaitStatus(id, "ESCALATED");
		assertThat((String) alert.get("escalationReason")).contains("approval SLA", "supervisor");
		assertThat(this.desk.openTasks(TenantScope.everything())).noneMatch((open) -> open.id() == task.id());
		assertThat(this.desk.decide(task.id(), true, "", "technician", TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.NO_LONGER_WAITING);
	}

	@Test
	void shouldEscalateWithTheEvidenceWhenTheScriptFails() {
		ApiClient api = api();
		long id = api.postAlert(Alerts.diskLow("ACME-WS-SCRIPTFAIL-" + Alerts.shortId(), "workstation", "Windows 11"))
			.id();

		Map<String, Object> alert = api.awaitStatus(id, "ESCALATED");
		assertThat((String) alert.get("escalationReason")).contains("script failed", "Access is denied");
		assertThat(ApiClient.steps(alert)).contains("Script failed").doesNotContain("Verifying");
		assertThat(ApiClient.notes(api.ticketOf(alert)))
			.anySatisfy((note) -> assertThat(note).contains("Access is denied"));
	}

	@Test
	void shouldReverifyAndThenEscalateWhenTheFixDoesNotHold() {
		ApiClient api = api();
		long id = api.postAlert(Alerts.diskLow("ACME-WS-NOFIX-" + Alerts.shortId(), "workstation", "Windows 11")).id();

		Map<String, Object> alert = api.awaitStatus(id, "ESCALATED");
		assertThat((String) alert.get("escalationReason")).contains("Fix not verified after 3 check(s)", "4.0% free");
		assertThat(ApiClient.steps(alert).stream().filter("Verification failed"::equals)).hasSize(3);
		assertThat(api.ticketOf(alert)).containsEntry("status", "Escalated");
		assertThat(this.autonomy.standings(TenantScope.everything()))
			.filteredOn((standing) -> standing.category().equals("disk-space-low") && standing.tenant().equals("acme"))
			.extracting(CategoryStanding::mode)
			.containsExactly("APPROVAL");
		assertThat(this.autonomy.recentChanges(5, TenantScope.everything())).anySatisfy((change) -> {
			assertThat(change.category()).isEqualTo("disk-space-low");
			assertThat(change.fromMode()).isEqualTo("AUTONOMOUS");
			assertThat(change.toMode()).isEqualTo("APPROVAL");
			assertThat(change.reason()).startsWith("a fix it ran alone failed");
		});
	}

	@Test
	void shouldOnlyRecordInShadowModeAndLearnFromTheTechnician() {
		this.autonomy.setMode("*", "service-stopped", "SHADOW", "supervisor", "new client, watch first",
				TenantScope.everything());
		ApiClient api = api();
		String hostname = "ACME-WS-" + Alerts.shortId();
		long id = api.postAlert(Alerts.serviceStopped(hostname)).id();

		Map<String, Object> alert = api.awaitStatus(id, "ESCALATED");
		assertThat(ApiClient.decision(alert)).containsEntry("path", "SHADOW")
			.containsEntry("mode", "SHADOW")
			.containsEntry("remediation", "restart-service");
		assertThat((String) alert.get("escalationReason"))
			.startsWith("Shadow mode: Closeloop would have run restart-service");
		assertThat(alert).containsEntry("shadowOutcomeWanted", true);
		assertThat(api.simulator("script-runs")).noneMatch((run) -> hostname.equals(run.get("hostname")));

		assertThat(this.autonomy.recordShadowOutcome(id, true, "technician", TenantScope.everything()))
			.isEqualTo(AutonomyBoard.ShadowOutcome.RECORDED);
		assertThat(this.autonomy.recordShadowOutcome(id, false, "technician", TenantScope.everything()))
			.isEqualTo(AutonomyBoard.ShadowOutcome.ALREADY_RECORDED);
		assertThat(api.alert(id)).containsEntry("shadowOutcomeWanted", false);
		assertThat(this.autonomy.standings(TenantScope.everything()))
			.filteredOn((standing) -> standing.category().equals("service-stopped") && standing.tenant().equals("acme"))
			.singleElement()
			.satisfies((standing) -> {
				assertThat(standing.mode()).isEqualTo("SHADOW");
				assertThat(standing.outcomes()).isEqualTo(1);
				assertThat(standing.successes()).isEqualTo(1);
			});
	}

}
