package io.closeloop.workers.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.InMemorySideEffects;
import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.DeviceScope;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.scope.DeviceScopeCheck;
import io.closeloop.workers.simulator.SimulatedRmm;

class RemediationWorkersTests {

	private final SimulatedRmm rmm = new SimulatedRmm(Clock.systemUTC(), Duration.ZERO);

	private final AlertJournal journal = mock(AlertJournal.class);

	private final ActivatedJob job = mock(ActivatedJob.class);

	@Test
	void shouldRunTheScriptOnceWhenTheJobIsDeliveredTwice() {
		RunScriptWorker worker = new RunScriptWorker(this.rmm, new InMemorySideEffects(), this.journal,
				new DeviceScopeCheck(this.rmm, this.journal));
		AlertVariables variables = variables(TestAlerts.diskLow(7, "ACME-WS-7"));
		Map<String, Object> decision = Map.of("remediation", "disk-cleanup");

		Map<String, Object> first = worker.runScript(this.job, variables, decision);
		Map<String, Object> redelivered = worker.runScript(this.job, variables, decision);

		assertThat(redelivered.get("scriptRunId")).isEqualTo(first.get("scriptRunId"));
		assertThat(this.rmm.scriptRuns()).hasSize(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldThrowScriptFailedWithTheEvidenceWhenTheScriptFails() {
		AlertContext alert = TestAlerts.diskLow(8, "ACME-SCRIPTFAIL-8");
		String runId = this.rmm.runScript(alert, "disk-cleanup", "alert-8:run-script").runId();
		AwaitScriptWorker worker = new AwaitScriptWorker(this.rmm, this.journal);

		assertThatExceptionOfType(BpmnError.class)
			.isThrownBy(() -> worker.check(this.job, 8L, "acme", runId, 0, 10, null))
			.satisfies((error) -> {
				assertThat(error.getErrorCode()).isEqualTo("SCRIPT_FAILED");
				assertThat((Map<Object, Object>) error.getVariables()).containsEntry("escalationReason",
						"Remediation script failed (exit 1): disk-cleanup: Access is denied.");
			});
	}

	@Test
	void shouldCarryARunThatFinishedWhenItStartedWithTheProcessSoARestartedConnectorNeedNotRememberIt() {
		RmmConnector answersWhenDone = mock(RmmConnector.class);
		when(answersWhenDone.system()).thenReturn("tactical-rmm");
		when(answersWhenDone.scopeOf(any())).thenReturn(new DeviceScope(true, "device ACME-WS-11 is acme's"));
		when(answersWhenDone.runScript(any(), any(), any()))
			.thenReturn(new ScriptRun("alert-11:run-script", ScriptRun.Status.SUCCEEDED, 0, "Freed 2.1 GB"));
		Map<String, Object> started = new RunScriptWorker(answersWhenDone, new InMemorySideEffects(), this.journal,
				new DeviceScopeCheck(answersWhenDone, this.journal))
			.runScript(this.job, variables(TestAlerts.diskLow(11, "ACME-WS-11")),
					Map.of("remediation", "disk-cleanup"));
		@SuppressWarnings("unchecked")
		Map<String, Object> finished = (Map<String, Object>) started.get("scriptRunFinished");

		// After a restart the connector has forgotten the run; the process has not.
		when(answersWhenDone.scriptRun(any(), any())).thenThrow(new AssertionError("the RMM must not be asked"));
		Map<String, Object> checked = new AwaitScriptWorker(answersWhenDone, this.journal).check(this.job, 11L, "acme",
				"alert-11:run-script", 0, 10, finished);

		assertThat(checked).containsEntry("scriptStatus", "SUCCEEDED").containsEntry("scriptOutput", "Freed 2.1 GB");
	}

	@Test
	void shouldGiveUpOnAScriptThatNeverFinishes() {
		SimulatedRmm slow = new SimulatedRmm(Clock.systemUTC(), Duration.ofHours(1));
		String runId = slow.runScript(TestAlerts.diskLow(9, "ACME-WS-9"), "disk-cleanup", "k").runId();
		AwaitScriptWorker worker = new AwaitScriptWorker(slow, this.journal);

		assertThat(worker.check(this.job, 9L, "acme", runId, 0, 3, null)).containsEntry("scriptStatus", "RUNNING")
			.containsEntry("scriptPolls", 1);
		assertThatExceptionOfType(BpmnError.class)
			.isThrownBy(() -> worker.check(this.job, 9L, "acme", runId, 2, 3, null))
			.withMessageContaining("still running after 3 checks");
	}

	@Test
	void shouldCountVerificationAttemptsAndExplainAFailure() {
		AlertContext alert = TestAlerts.diskLow(10, "ACME-NOFIX-10");
		this.rmm.deviceFacts(alert);
		VerifyFixWorker worker = new VerifyFixWorker(this.rmm, this.journal,
				new DeviceScopeCheck(this.rmm, this.journal));
		when(this.job.getRetries()).thenReturn(5);

		Map<String, Object> result = worker.verify(this.job, variables(alert),
				Map.of("verification", "disk-free-above-threshold"), 1);

		assertThat(result).containsEntry("verified", false).containsEntry("verifyAttempts", 2);
		assertThat((String) result.get("escalationReason"))
			.isEqualTo("Fix not verified after 2 check(s) of disk-free-above-threshold: 4.0% free (threshold 15%)");
	}

	private static AlertVariables variables(AlertContext alert) {
		return new AlertVariables(alert.alertId(), alert.tenant(), new AlertVariables.Fields("datto-rmm",
				"a-" + alert.alertId(), alert.type(), alert.severity(), alert.message(), alert.metrics()),
				alert.device());
	}

}
