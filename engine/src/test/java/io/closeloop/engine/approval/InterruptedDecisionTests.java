package io.closeloop.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
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

	@Test
	void shouldPutAnInterruptedDecisionBackInTheInbox() {
		ApiClient api = api();
		long alertId = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(alertId, "AWAITING_APPROVAL");
		long taskId = openTaskFor(alertId).id();
		// A technician's claim from three minutes ago whose delivery never happened.
		this.transactions
			.executeWithoutResult((tx) -> this.tasks.claim(taskId, "technician", Instant.now().minusSeconds(180)));
		assertThat(this.approvals.openTasks(TenantScope.everything())).noneMatch((task) -> task.id() == taskId);

		this.approvals.releaseInterruptedDecisions();

		assertThat(this.approvals.openTasks(TenantScope.everything())).anyMatch((task) -> task.id() == taskId);
		assertThat(this.approvals.decide(taskId, true, "", "technician", TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.APPROVED);
		api.awaitStatus(alertId, "RESOLVED");
	}

	@Test
	void shouldLeaveAFreshClaimAlone() {
		ApiClient api = api();
		long alertId = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(alertId, "AWAITING_APPROVAL");
		long taskId = openTaskFor(alertId).id();
		this.transactions.executeWithoutResult((tx) -> this.tasks.claim(taskId, "technician", Instant.now()));

		this.approvals.releaseInterruptedDecisions();

		assertThat(this.tasks.findById(taskId).orElseThrow().getState()).isEqualTo(ApprovalTask.State.DECIDING);
	}

}
