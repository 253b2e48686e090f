package io.closeloop.engine.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
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
	void shouldHandAlertsWhoseProcessWasLostToAPerson() {
		ApiClient api = api();
		long id = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(id, "AWAITING_APPROVAL");
		long taskId = openTaskFor(id).id();

		this.zeebe.stopEngine();
		for (int probe = 0; probe < 3; probe++) {
			this.watchdog.probe();
		}

		Map<String, Object> alert = api.awaitStatus(id, "ESCALATED");
		assertThat((String) alert.get("escalationReason")).startsWith("Its process was lost")
			.contains("AWAITING_APPROVAL");
		assertThat(this.desk.openTasks(TenantScope.everything())).noneMatch((task) -> task.id() == taskId);
		assertThat(this.desk.decide(taskId, true, "", "technician", TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.NO_LONGER_WAITING);
	}

	@Test
	void shouldReportEngineAndDatabaseHealth() {
		assertThat(this.watchdog.probe().up()).isTrue();
		assertThat(health()).startsWith("{\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
		assertThat(health()).as("details are for supervisors only").doesNotContain("embedded (evaluation only)", "H2");
	}

	private String health() {
		ApiClient api = api();
		return api.send(HttpRequest.newBuilder(api.uri("/actuator/health")).build()).body();
	}

}
