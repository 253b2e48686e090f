package io.closeloop.workers.remediation;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.simulator.SimulatedRmm;

class RemediationWorkersTests {

	private final SimulatedRmm rmm = new SimulatedRmm(Clock.systemUTC(), Duration.ZERO);

	private final AlertJournal journal = mock(AlertJournal.class);

	private final ActivatedJob job = mock(ActivatedJob.class);

	@Test
	void shouldRunTheScriptOnceWhenTheJobIsDeliveredTwice() {
		RunScriptWorker worker = new RunScriptWorker(this.rmm, new InMemorySideEffects(), this.journal);
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

		assertThatExceptionOfType(BpmnError.class).isThrownBy(() -> worker.check(this.job, 8L, "acme", runId, 0, 10))
			.satisfies((error) -> {
				assertThat(error.getErrorCode()).isEqualTo("SCRIPT_FAILED");
				assertThat((Map<Object, Object>) error.getVariables()).containsEntry("escalationReason",
						"Remediation script failed (exit 1): disk-cleanup: Access is denied.");
			});
	}

	@Test
	void shouldGiveUpOnAScriptThatNeverFinishes() {
		SimulatedRmm slow = new SimulatedRmm(Clock.systemUTC(), Duration.ofHours(1));
		String runId = slow.runScript(TestAlerts.diskLow(9, "ACME-WS-9"), "disk-cleanup", "k").runId();
		AwaitScriptWorker worker = new AwaitScriptWorker(slow, this.journal);

		assertThat(worker.check(this.job, 9L, "acme", runId, 0, 3)).containsEntry("scriptStatus", "RUNNING")
			.containsEntry("scriptPolls", 1);
		assertThatExceptionOfType(BpmnError.class).isThrownBy(() -> worker.check(this.job, 9L, "acme", runId, 2, 3))
			.withMessageContaining("still running after 3 checks");
	}

	@Test
	void shouldCountVerificationAttemptsAndExplainAFailure() {
		AlertContext alert = TestAlerts.diskLow(10, "ACME-NOFIX-10");
		this.rmm.deviceFacts(alert);
		VerifyFixWorker worker = new VerifyFixWorker(this.rmm, this.journal);
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
