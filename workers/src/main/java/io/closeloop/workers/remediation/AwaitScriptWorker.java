package io.closeloop.workers.remediation;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.journal.AlertJournal;

/**
 * Checks a script run once and reports it. The model waits between checks on a timer, so
 * no worker thread is held while a script runs; a failed run, or one that never finishes
 * within {@code maxScriptPolls} checks, is the BPMN error {@code SCRIPT_FAILED}.
 */
@Component
public class AwaitScriptWorker {

	static final String TYPE = "await-rmm-script";

	static final String SCRIPT_FAILED = "SCRIPT_FAILED";

	/**
	 * The variable holding a run that was already finished when it was started, so it is
	 * not asked of the RMM again.
	 */
	static final String FINISHED_RUN = "scriptRunFinished";

	private final RmmConnector rmm;

	private final AlertJournal journal;

	AwaitScriptWorker(RmmConnector rmm, AlertJournal journal) {
		this.rmm = rmm;
		this.journal = journal;
	}

	@JobWorker(type = TYPE,
			fetchVariables = { "alertId", "tenant", "scriptRunId", "scriptPolls", "maxScriptPolls", FINISHED_RUN })
	public Map<String, Object> check(ActivatedJob job, @Variable(name = "alertId") Long alertId,
			@Variable(name = "tenant") String tenant, @Variable(name = "scriptRunId") String runId,
			@Variable(name = "scriptPolls") Integer polls, @Variable(name = "maxScriptPolls") Integer maxPolls,
			@Variable(name = FINISHED_RUN) Map<String, Object> finished) {
		ScriptRun run = (finished != null) ? finishedRun(runId, finished) : this.rmm.scriptRun(tenant, runId);
		int pollsSoFar = ((polls != null) ? polls : 0) + 1;
		switch (run.status()) {
			case SUCCEEDED -> {
				this.journal.step(alertId, "Script finished", "exit " + run.exitCode() + ": " + run.output());
				return Map.of("scriptStatus", "SUCCEEDED", "scriptPolls", pollsSoFar, "scriptOutput",
						String.valueOf(run.output()));
			}
			case FAILED ->
				throw scriptFailed(alertId, "Remediation script failed (exit " + run.exitCode() + "): " + run.output());
			default -> {
				if (maxPolls != null && pollsSoFar >= maxPolls) {
					throw scriptFailed(alertId,
							"Remediation script still running after " + pollsSoFar + " checks; gave up waiting");
				}
				return Map.of("scriptStatus", "RUNNING", "scriptPolls", pollsSoFar);
			}
		}
	}

	private static ScriptRun finishedRun(String runId, Map<String, Object> finished) {
		Object exitCode = finished.get("exitCode");
		return new ScriptRun(runId, ScriptRun.Status.valueOf(String.valueOf(finished.get("status"))),
				(exitCode instanceof Number number) ? number.intValue() : null, (String) finished.get("output"));
	}

	private RuntimeException scriptFailed(long alertId, String reason) {
		this.journal.step(alertId, "Script failed", reason);
		return CamundaError.bpmnError(SCRIPT_FAILED, reason, Map.of("escalationReason", reason));
	}

}
