package io.closeloop.workers.remediation;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.rules.AlertStatus;
import io.closeloop.workers.journal.SideEffects;
import io.closeloop.workers.scope.DeviceScopeCheck;

/**
 * Starts the decided remediation script on the device through the RMM, once, after the
 * RMM confirms the device is the alert's tenant's.
 */
@Component
public class RunScriptWorker {

	static final String TYPE = "run-rmm-script";

	private final RmmConnector rmm;

	private final SideEffects sideEffects;

	private final AlertJournal journal;

	private final DeviceScopeCheck scope;

	RunScriptWorker(RmmConnector rmm, SideEffects sideEffects, AlertJournal journal, DeviceScopeCheck scope) {
		this.rmm = rmm;
		this.scope = scope;
		this.sideEffects = sideEffects;
		this.journal = journal;
	}

	@JobWorker(type = TYPE)
	public Map<String, Object> runScript(ActivatedJob job, @VariablesAsType AlertVariables variables,
			@Variable(name = "decision") Map<String, Object> decision) {
		AlertContext alert = variables.context();
		String script = (String) decision.get("remediation");
		String key = SideEffects.key(alert.alertId(), "run-script");
		ScriptRun run = this.sideEffects.once(key, ScriptRun.class, () -> {
			this.scope.confirm(alert, script);
			return this.rmm.runScript(alert, script, key);
		});
		this.journal.status(alert.alertId(), AlertStatus.REMEDIATING,
				"started " + script + " on " + this.rmm.system() + " (run " + run.runId() + ")");
		Map<String, Object> result = new HashMap<>();
		result.put("scriptRunId", run.runId());
		result.put("scriptPolls", 0);
		if (run.status() != ScriptRun.Status.RUNNING) {
			// An RMM that answers when the script is done (Tactical's "wait"): the
			// result travels with the process, read back from the ledger if the
			// process is started again, so it survives a restart that the RMM
			// connector's memory does not.
			result.put(AwaitScriptWorker.FINISHED_RUN, finished(run));
		}
		return result;
	}

	private static Map<String, Object> finished(ScriptRun run) {
		Map<String, Object> finished = new HashMap<>();
		finished.put("status", run.status().name());
		finished.put("exitCode", run.exitCode());
		finished.put("output", run.output());
		return finished;
	}

}
