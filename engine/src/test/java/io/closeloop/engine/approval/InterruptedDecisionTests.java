package io.closeloop.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.zeebe.EmbeddedZeebe;
import io.closeloop.engine.zeebe.EngineWatchdog;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.ui.tasks.ApprovalOutcome;

/**
 * A decision interrupted between its claim and its delivery does not leave the task
 * stuck.
 */
class InterruptedDecisionTests extends IntegrationTest {

	@Autowired
	private ApprovalService approvals;

	@Autowired
	private ApprovalTaskRepository tasks;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private EmbeddedZeebe zeebe;

	@Autowired
	private EngineWatchdog watchdog;

	@Test
	void shouldCarryOutAnInterruptedDecisionAsTheTechnicianGaveIt() {
		ApiClient api = api();
		long alertId = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(alertId, "AWAITING_APPROVAL");
		long taskId = openTaskFor(alertId).id();
		// A technician's decision from three minutes ago whose delivery never happened.
		this.transactions.executeWithoutResult(
				(tx) -> this.tasks.claim(taskId, "technician", true, "go ahead", Instant.now().minusSeconds(180)));
		assertThat(this.approvals.openTasks(TenantScope.everything())).noneMatch((task) -> task.id() == taskId);

		this.approvals.settleUnconfirmedDecisions();

		assertThat(this.approvals.openTasks(TenantScope.everything())).as("never released: it was decided")
			.noneMatch((task) -> task.id() == taskId);
		assertThat(this.tasks.findById(taskId).orElseThrow().getState()).isEqualTo(ApprovalTask.State.APPROVED);
		api.awaitStatus(alertId, "RESOLVED");
	}

	@Test
	void shouldKeepTheApproverOnRecordWhenTheEnginesAnswerIsLostAndStillCarryTheDecisionOut() {
		ApiClient api = api();
		long alertId = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(alertId, "AWAITING_APPROVAL");
		long taskId = openTaskFor(alertId).id();
		this.zeebe.stopEngine();
		ApprovalOutcome outcome;
		try {
			outcome = this.approvals.decide(taskId, true, "disk on the file server, go ahead", "technician",
					TenantScope.everything());

			assertThat(outcome).isEqualTo(ApprovalOutcome.DELIVERY_PENDING);
			Map<String, Object> alert = api.alert(alertId);
			assertThat(ApiClient.timeline(alert)).anySatisfy((entry) -> {
				assertThat(entry.get("step")).isEqualTo("Approved");
				assertThat((String) entry.get("detail")).startsWith("by technician at ")
					.endsWith(": disk on the file server, go ahead");
			});
			ApprovalTask kept = this.tasks.findById(taskId).orElseThrow();
			assertThat(kept.getDecidedBy()).as("the approver is kept, not released").isEqualTo("technician");
			assertThat(kept.getApproved()).isTrue();
			assertThat(this.approvals.openTasks(TenantScope.everything())).noneMatch((task) -> task.id() == taskId);
		}
		finally {
			for (int probe = 0; probe < 3; probe++) {
				this.watchdog.probe();
			}
		}
		// The engine's memory went with it: the alert's resumed process carries the
		// recorded decision over instead of asking again.
		Map<String, Object> resolved = api.awaitAlert(alertId, (alert) -> "RESOLVED".equals(alert.get("status")),
				java.time.Duration.ofSeconds(60));
		assertThat(ApiClient.steps(resolved)).contains("Approval carried over");
	}

	@Test
	void shouldLeaveAFreshClaimAlone() {
		ApiClient api = api();
		long alertId = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(alertId, "AWAITING_APPROVAL");
		long taskId = openTaskFor(alertId).id();
		this.transactions.executeWithoutResult((tx) -> this.tasks.claim(taskId, "technician", true, "", Instant.now()));

		this.approvals.settleUnconfirmedDecisions();

		assertThat(this.tasks.findById(taskId).orElseThrow().getState()).isEqualTo(ApprovalTask.State.DECIDING);
	}

}
