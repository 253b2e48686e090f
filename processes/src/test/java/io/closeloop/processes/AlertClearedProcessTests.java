package io.closeloop.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;

/**
 * The "Alert cleared at source" event subprocess of alert-to-resolution, with the workers
 * played by the test: the source's resolution stops the process wherever it is, and the
 * ticket is noted and closed as cleared.
 */
class AlertClearedProcessTests {

	private static final String APPROVAL = "closeloop-approval";

	private ProcessTestEngine engine;

	@BeforeEach
	void deploy() {
		this.engine = new ProcessTestEngine();
		this.engine.deploy("processes/alert-to-resolution.bpmn");
	}

	@AfterEach
	void stop() {
		this.engine.close();
	}

	@Test
	void shouldStopWaitingForApprovalAndCloseTheTicketAsClearedWhenTheSourceClearsTheAlert() {
		long instance = startUntilDecided(7, "APPROVE");
		ActivatedJob approval = this.engine.nextJob(APPROVAL);

		clear(7, Duration.ofMinutes(5));
		ActivatedJob close = this.engine.complete("close-psa-ticket", Map.of());

		assertThat(close.getElementId()).isEqualTo("service_task_close_ticket_cleared");
		assertThat(close.getCustomHeaders()).containsEntry("resolution", "cleared-at-source");
		assertThat(close.getVariablesAsMap()).containsEntry("clearedBy", "datto")
			.containsEntry("ticket", Map.of("system", "simulator", "id", "T-1"));
		this.engine.assertEndedAt(instance, "end_event_cleared");
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_approve_remediation",
				"service_task_run_remediation", "service_task_escalate");
		assertThatExceptionOfType(ClientStatusException.class).as("the approval is no longer waiting")
			.isThrownBy(() -> this.engine.client()
				.newCompleteCommand(approval.getKey())
				.variables(Map.of("approved", true))
				.send()
				.join());
	}

	@Test
	void shouldStopARunningRemediationWhenTheSourceClearsTheAlert() {
		long instance = startUntilDecided(8, "ACT");
		this.engine.complete("run-rmm-script", Map.of("scriptRunId", "run-1"));
		this.engine.complete("await-rmm-script", Map.of("scriptStatus", "RUNNING"));

		clear(8, Duration.ofMinutes(5));
		ActivatedJob close = this.engine.complete("close-psa-ticket", Map.of());

		assertThat(close.getElementId()).isEqualTo("service_task_close_ticket_cleared");
		this.engine.assertEndedAt(instance, "end_event_cleared");
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_verify_fix");
	}

	@Test
	void shouldClearAnInstanceThatStartsAfterTheSourceClearedItsAlert() {
		clear(9, Duration.ofMinutes(5));
		long instance = this.engine.start("alert-to-resolution", variables(9)).getProcessInstanceKey();

		ActivatedJob close = this.engine.complete("close-psa-ticket", Map.of());

		assertThat(close.getElementId()).isEqualTo("service_task_close_ticket_cleared");
		assertThat(close.getVariablesAsMap()).doesNotContainKey("ticket");
		this.engine.assertEndedAt(instance, "end_event_cleared");
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_open_ticket");
	}

	@Test
	void shouldLeaveOtherAlertsAlone() {
		long instance = startUntilDecided(10, "APPROVE");
		this.engine.nextJob(APPROVAL);

		clear(11, Duration.ZERO);

		assertThat(this.engine.completedElements(instance)).doesNotContain("start_event_alert_cleared");
	}

	@Test
	void shouldEndClearedWithTheTicketLeftOpenWhenThePsaGivesUp() {
		long instance = startUntilDecided(12, "APPROVE");
		this.engine.nextJob(APPROVAL);

		clear(12, Duration.ofMinutes(5));
		this.engine.throwError("close-psa-ticket", "TECHNICAL_FAILURE",
				Map.of("escalationReason", "Gave up on close-psa-ticket: 400 status closed"));

		this.engine.assertEndedAt(instance, "end_event_cleared_ticket_open");
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_escalate_technical_failure");
	}

	private void clear(long alertId, Duration timeToLive) {
		this.engine.client()
			.newPublishMessageCommand()
			.messageName("alert-cleared")
			.correlationKey(String.valueOf(alertId))
			.timeToLive(timeToLive)
			.variables(Map.of("clearedBy", "datto"))
			.send()
			.join();
		this.engine.idle();
	}

	private long startUntilDecided(long alertId, String path) {
		long instance = this.engine.start("alert-to-resolution", variables(alertId)).getProcessInstanceKey();
		this.engine.complete("open-psa-ticket", Map.of("ticket", Map.of("system", "simulator", "id", "T-1")));
		this.engine.complete("enrich-alert", Map.of("enrichment", Map.of("openTickets", List.of())));
		this.engine.complete("decide-remediation",
				Map.of("decision", Map.of("path", path, "remediation", "disk-cleanup")));
		return instance;
	}

	private static Map<String, Object> variables(long alertId) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("alertId", alertId);
		variables.put("approvalSla", "PT30M");
		variables.put("scriptPollInterval", "PT2S");
		variables.put("verifyRetryDelay", "PT10S");
		variables.put("maxVerifyAttempts", 3);
		return variables;
	}

}
