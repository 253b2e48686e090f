package io.closeloop.engine.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.ui.tasks.ApprovalDesk;
import io.closeloop.ui.tasks.ApprovalOutcome;

/**
 * A dead embedded engine is noticed, replaced, given the processes again, and alerts flow
 * again.
 */
class EngineWatchdogTests extends IntegrationTest {

	@Autowired
	private EmbeddedZeebe zeebe;

	@Autowired
	private EngineWatchdog watchdog;

	@Autowired
	private ApprovalDesk desk;

	@Test
	void shouldReplaceAStoppedEngineAndRunProcessesAgain() {
		int replacementsBefore = this.zeebe.replacements();
		assertThat(this.watchdog.probe().up()).isTrue();

		this.zeebe.stopEngine();
		assertThat(this.watchdog.probe().up()).isFalse();
		assertThat(health()).contains("\"zeebe\":{\"status\":\"DOWN\"");
		this.watchdog.probe();
		EngineWatchdog.EngineState state = this.watchdog.probe();

		assertThat(state.up()).isTrue();
		assertThat(state.detail()).isEqualTo("replaced a dead embedded engine");
		assertThat(this.zeebe.replacements()).isEqualTo(replacementsBefore + 1);
		ApiClient api = api();
		long id = api.postAlert(Alerts.workstationDiskLow()).id();
		api.awaitStatus(id, "RESOLVED");
		assertThat(this.watchdog.probe().up()).isTrue();
		assertThat(health()).contains("\"zeebe\":{\"status\":\"UP\"");
	}

	@Test
	void shouldResumeAnAlertWhoseProcessWasLostWhileItWaitedForApproval() {
		ApiClient api = api();
		String hostname = "ACME-SRV-" + Alerts.shortId();
		long id = api.postAlert(Alerts.diskLow(hostname, "server", "Windows Server 2022")).id();
		Map<String, Object> waiting = api.awaitStatus(id, "AWAITING_APPROVAL");
		long lostTask = openTaskFor(id).id();

		replaceTheEngine();

		// The process starts again and asks again, on the same ticket.
		long newTask = awaitNewTask(id, lostTask);
		assertThat(this.desk.decide(lostTask, true, "", "technician", TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.NO_LONGER_WAITING);
		assertThat(this.desk.decide(newTask, true, "go", "technician", TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.APPROVED);
		Map<String, Object> resolved = api.awaitStatus(id, "RESOLVED");
		assertThat(ApiClient.steps(resolved)).contains("Process lost");
		assertThat(api.ticketOf(resolved).get("id")).isEqualTo(api.ticketOf(waiting).get("id"));
		assertThat(api.simulator("tickets")).filteredOn((ticket) -> ("dev-" + hostname).equals(ticket.get("deviceId")))
			.hasSize(1);
		assertThat(api.simulator("script-runs")).filteredOn((run) -> hostname.equals(run.get("hostname"))).hasSize(1);
	}

	@Test
	void shouldKeepAnApprovalGivenBeforeTheProcessWasLostAndNeverRunTheScriptTwice() {
		ApiClient api = api();
		String hostname = "ACME-SRV-" + Alerts.shortId();
		long id = api.postAlert(Alerts.diskLow(hostname, "server", "Windows Server 2022")).id();
		api.awaitStatus(id, "AWAITING_APPROVAL");
		long taskId = openTaskFor(id).id();
		assertThat(this.desk.decide(taskId, true, "approved before the crash", "technician", TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.APPROVED);

		// Lost wherever it was after the approval: before the script, while it ran, or
		// while verifying.
		replaceTheEngine();

		Map<String, Object> resolved = api.awaitStatus(id, "RESOLVED");
		assertThat(this.desk.openTasks(TenantScope.everything())).noneMatch((task) -> task.alertId() == id);
		assertThat(api.simulator("script-runs")).filteredOn((run) -> hostname.equals(run.get("hostname"))).hasSize(1);
		assertThat(api.simulator("tickets")).filteredOn((ticket) -> ("dev-" + hostname).equals(ticket.get("deviceId")))
			.hasSize(1);
		assertThat(ApiClient.steps(resolved)).as("the technician is not asked again")
			.filteredOn("Awaiting approval"::equals)
			.hasSize(1);
	}

	@Test
	void shouldReportEngineAndDatabaseHealth() {
		assertThat(this.watchdog.probe().up()).isTrue();
		assertThat(health()).startsWith("{\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
		assertThat(health()).as("details are for supervisors only").doesNotContain("embedded (evaluation only)", "H2");
	}

	private void replaceTheEngine() {
		this.zeebe.stopEngine();
		for (int probe = 0; probe < 3; probe++) {
			this.watchdog.probe();
		}
		assertThat(this.watchdog.state().detail()).isEqualTo("replaced a dead embedded engine");
	}

	private long awaitNewTask(long alertId, long lostTask) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			var task = this.desk.openTasks(TenantScope.everything())
				.stream()
				.filter((open) -> open.alertId() == alertId && open.id() != lostTask)
				.findFirst();
			if (task.isPresent()) {
				return task.get().id();
			}
			pause();
		}
		throw new AssertionError("No new approval task for alert " + alertId);
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String health() {
		ApiClient api = api();
		return api.send(HttpRequest.newBuilder(api.uri("/actuator/health")).build()).body();
	}

}
