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
import io.grpc.Status;

/**
 * The alert-to-resolution model alone: every worker is played by the test, so each path
 * of the diagram is exercised without RMM or PSA.
 */
class AlertToResolutionProcessTests {

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
	void shouldStartOneInstanceFromAStartMessageSentAgain() {
		Map<String, Object> variables = Map.of("alertId", 42, "processGeneration", 1);
		startMessage("alert-42-start-1", variables);
		assertThatExceptionOfType(ClientStatusException.class)
			.isThrownBy(() -> startMessage("alert-42-start-1", variables))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
		// Another start for the same alert while its process runs waits instead of
		// starting a second instance.
		startMessage("alert-42-start-2", variables);

		List<Long> started = this.engine.startedInstances("alert-to-resolution");
		assertThat(started).hasSize(1);
		ActivatedJob first = this.engine.nextJob("open-psa-ticket");
		assertThat(first.getProcessInstanceKey()).isEqualTo(started.get(0));
		assertThat(first.getVariablesAsMap()).containsEntry("alertId", 42).containsEntry("processGeneration", 1);
	}

	@Test
	void shouldResolveAnAlertItMayActOnWithoutAskingAnyone() {
		long instance = startUntilDecided("ACT");
		remediateAndVerify();
		this.engine.complete("close-psa-ticket", Map.of());

		this.engine.assertEndedAt(instance, "end_event_resolved");
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_approve_remediation");
	}

	@Test
	void shouldRemediateAfterApproval() {
		long instance = startUntilDecided("APPROVE");
		ActivatedJob task = this.engine.nextJob(APPROVAL);
		assertThat(task.getElementId()).isEqualTo("service_task_approve_remediation");
		this.engine.client().newCompleteCommand(task.getKey()).variables(Map.of("approved", true)).send().join();
		remediateAndVerify();
		this.engine.complete("close-psa-ticket", Map.of());

		this.engine.assertEndedAt(instance, "end_event_resolved");
		assertThat(this.engine.completedElements(instance)).contains("service_task_approve_remediation");
	}

	@Test
	void shouldEscalateWhenTheTechnicianRejects() {
		long instance = startUntilDecided("APPROVE");
		ActivatedJob task = this.engine.nextJob(APPROVAL);
		this.engine.client()
			.newCompleteCommand(task.getKey())
			.variables(Map.of("approved", false, "escalationReason", "Rejected: not during month end"))
			.send()
			.join();
		ActivatedJob escalation = this.engine.complete("escalate-alert", Map.of());

		assertThat(escalation.getVariablesAsMap()).containsEntry("escalationReason", "Rejected: not during month end");
		this.engine.assertEndedAt(instance, "end_event_escalated");
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_run_remediation");
	}

	@Test
	void shouldEscalateToASupervisorWhenTheApprovalSlaPasses() {
		long instance = startUntilDecided("APPROVE");
		this.engine.nextJob(APPROVAL);
		this.engine.increaseTime(Duration.ofMinutes(31));
		ActivatedJob escalation = this.engine.complete("escalate-alert", Map.of());

		assertThat(escalation.getVariablesAsMap()).containsEntry("escalatedTo", "supervisor");
		assertThat((String) escalation.getVariablesAsMap().get("escalationReason")).contains("PT30M");
		this.engine.assertEndedAt(instance, "end_event_escalated");
		assertThat(this.engine.completedElements(instance)).contains("boundary_timer_approval_sla")
			.doesNotContain("service_task_run_remediation");
	}

	@Test
	void shouldNotEscalateBeforeTheApprovalSla() {
		long instance = startUntilDecided("APPROVE");
		this.engine.nextJob(APPROVAL);
		this.engine.increaseTime(Duration.ofMinutes(29));

		assertThat(this.engine.completedElements(instance)).doesNotContain("boundary_timer_approval_sla");
	}

	@Test
	void shouldHandAHumanOnlyAlertToAPersonWithoutActing() {
		long instance = startUntilDecided("PERSON");
		ActivatedJob escalation = this.engine.complete("escalate-alert", Map.of());

		assertThat(escalation.getVariablesAsMap()).containsEntry("escalationReason", "security incident");
		this.engine.assertEndedAt(instance, "end_event_escalated");
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_run_remediation",
				"service_task_approve_remediation");
	}

	@Test
	void shouldOnlyRecordAndHandOverInShadowMode() {
		long instance = startUntilDecided("SHADOW");
		ActivatedJob escalation = this.engine.complete("escalate-alert", Map.of());

		assertThat(escalation.getVariablesAsMap()).containsEntry("escalationReason", "shadow mode");
		this.engine.assertEndedAt(instance, "end_event_escalated");
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_run_remediation",
				"service_task_approve_remediation");
	}

	@Test
	void shouldEscalateWithTheEvidenceWhenTheScriptFails() {
		long instance = startUntilDecided("ACT");
		this.engine.complete("run-rmm-script", Map.of("scriptRunId", "run-1"));
		this.engine.throwError("await-rmm-script", "SCRIPT_FAILED",
				Map.of("escalationReason", "disk-cleanup exited 1: access denied"));
		ActivatedJob escalation = this.engine.complete("escalate-alert", Map.of());

		assertThat(escalation.getVariablesAsMap()).containsEntry("escalationReason",
				"disk-cleanup exited 1: access denied");
		this.engine.assertEndedAt(instance, "end_event_escalated");
		assertThat(this.engine.completedElements(instance)).contains("boundary_error_script_failed")
			.doesNotContain("service_task_verify_fix");
	}

	@Test
	void shouldHandTheAlertToAPersonWhenAStepGivesUpOnATechnicalFailure() {
		long instance = this.engine.start("alert-to-resolution", Map.of("alertId", 1)).getProcessInstanceKey();
		this.engine.complete("open-psa-ticket", Map.of("ticket", Map.of("system", "simulator", "id", "T-1")));
		this.engine.throwError("enrich-alert", "TECHNICAL_FAILURE",
				Map.of("escalationReason", "Gave up on enrich-alert after repeated failures: RMM timed out"));
		ActivatedJob escalation = this.engine.complete("escalate-alert", Map.of());

		assertThat(escalation.getElementId()).isEqualTo("service_task_escalate_technical_failure");
		assertThat(escalation.getVariablesAsMap()).containsEntry("escalationReason",
				"Gave up on enrich-alert after repeated failures: RMM timed out");
		this.engine.assertEndedAt(instance, "end_event_escalated_after_failure");
		assertThat(this.engine.completedElements(instance)).doesNotContain("business_rule_task_decide_remediation");
	}

	@Test
	void shouldHandTheAlertToAPersonWithoutActingWhenTheDeviceIsAnotherClients() {
		long instance = this.engine.start("alert-to-resolution", Map.of("alertId", 1)).getProcessInstanceKey();
		this.engine.complete("open-psa-ticket", Map.of("ticket", Map.of("system", "simulator", "id", "T-1")));
		this.engine.throwError("enrich-alert", "DEVICE_OUT_OF_SCOPE", Map.of("escalationReason",
				"Refused to act: device 42 is not in Datto RMM site s-1 (tenant acme's)", "deviceOutOfScope", true));
		ActivatedJob escalation = this.engine.complete("escalate-alert", Map.of());

		assertThat(escalation.getElementId()).isEqualTo("service_task_escalate_device_out_of_scope");
		assertThat(escalation.getVariablesAsMap()).containsEntry("deviceOutOfScope", true)
			.containsEntry("escalationReason",
					"Refused to act: device 42 is not in Datto RMM site s-1 (tenant acme's)");
		this.engine.assertEndedAt(instance, "end_event_escalated_out_of_scope");
		assertThat(this.engine.completedElements(instance)).doesNotContain("business_rule_task_decide_remediation",
				"service_task_run_remediation");
	}

	@Test
	void shouldStopBeforeTheScriptWhenTheDeviceIsFoundOutOfScopeThere() {
		long instance = startUntilDecided("ACT");
		this.engine.throwError("run-rmm-script", "DEVICE_OUT_OF_SCOPE",
				Map.of("escalationReason", "Refused to act: NinjaOne knows no device 9", "deviceOutOfScope", true));
		this.engine.complete("escalate-alert", Map.of());

		this.engine.assertEndedAt(instance, "end_event_escalated_out_of_scope");
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_await_script_result",
				"service_task_verify_fix");
	}

	@Test
	void shouldPollAScriptThatIsStillRunningAfterTheInterval() {
		long instance = startUntilDecided("ACT");
		this.engine.complete("run-rmm-script", Map.of("scriptRunId", "run-1"));
		this.engine.complete("await-rmm-script", Map.of("scriptStatus", "RUNNING"));
		this.engine.increaseTime(Duration.ofSeconds(3));
		this.engine.complete("await-rmm-script", Map.of("scriptStatus", "SUCCEEDED"));
		this.engine.complete("verify-fix", Map.of("verified", true, "verifyAttempts", 1));
		this.engine.complete("close-psa-ticket", Map.of());

		this.engine.assertEndedAt(instance, "end_event_resolved");
		assertThat(this.engine.completedElements(instance)).contains("timer_script_poll_interval");
	}

	@Test
	void shouldReverifyAndThenEscalateWhenTheFixDoesNotHold() {
		long instance = startUntilDecided("ACT");
		this.engine.complete("run-rmm-script", Map.of("scriptRunId", "run-1"));
		this.engine.complete("await-rmm-script", Map.of("scriptStatus", "SUCCEEDED"));
		for (int attempt = 1; attempt <= 3; attempt++) {
			this.engine.complete("verify-fix", Map.of("verified", false, "verifyAttempts", attempt, "escalationReason",
					"disk still 3% free after cleanup"));
			if (attempt < 3) {
				this.engine.increaseTime(Duration.ofSeconds(11));
			}
		}
		ActivatedJob escalation = this.engine.complete("escalate-alert", Map.of());

		assertThat(escalation.getVariablesAsMap()).containsEntry("escalationReason",
				"disk still 3% free after cleanup");
		this.engine.assertEndedAt(instance, "end_event_escalated");
		assertThat(this.engine.completedElements(instance).stream().filter("service_task_verify_fix"::equals))
			.hasSize(3);
		assertThat(this.engine.completedElements(instance)).doesNotContain("service_task_close_ticket");
	}

	private long startUntilDecided(String path) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("alertId", 1);
		variables.put("approvalSla", "PT30M");
		variables.put("scriptPollInterval", "PT2S");
		variables.put("verifyRetryDelay", "PT10S");
		variables.put("maxVerifyAttempts", 3);
		long instance = this.engine.start("alert-to-resolution", variables).getProcessInstanceKey();
		this.engine.complete("open-psa-ticket", Map.of("ticket", Map.of("system", "simulator", "id", "T-1")));
		this.engine.complete("enrich-alert", Map.of("enrichment", Map.of("openTickets", List.of())));
		Map<String, Object> decided = new HashMap<>();
		decided.put("decision", Map.of("path", path, "remediation", "disk-cleanup"));
		if (path.equals("PERSON") || path.equals("SHADOW")) {
			decided.put("escalationReason", path.equals("SHADOW") ? "shadow mode" : "security incident");
		}
		this.engine.complete("decide-remediation", decided);
		return instance;
	}

	private void startMessage(String messageId, Map<String, Object> variables) {
		this.engine.client()
			.newPublishMessageCommand()
			.messageName("alert-received")
			.correlationKey("alert-42")
			.messageId(messageId)
			.timeToLive(Duration.ofMinutes(10))
			.variables(variables)
			.send()
			.join();
		this.engine.idle();
	}

	private void remediateAndVerify() {
		this.engine.complete("run-rmm-script", Map.of("scriptRunId", "run-1"));
		this.engine.complete("await-rmm-script", Map.of("scriptStatus", "SUCCEEDED"));
		this.engine.complete("verify-fix", Map.of("verified", true, "verifyAttempts", 1));
	}

}
