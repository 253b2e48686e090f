package io.closeloop.workers.connector.tactical;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.ScriptRun;

/**
 * One row of an agent's history ({@code GET /agents/{agent_id}/history/}). Tactical RMM
 * writes the row when a script run is asked for, before the agent is reached; the agent
 * fills in {@code script_results} when the script is done, after it has answered.
 *
 * @param id the row's id, which grows with every row Tactical writes
 * @param type {@code script_run}, {@code cmd_run} or {@code task_run}; null if not sent
 * @param script the pk of the script run, or null
 * @param results {@code script_results}: {@code stdout}, {@code stderr}, {@code retcode},
 * {@code execution_time}; a null node until the agent reports
 */
record HistoryEntry(long id, String type, Integer script, JsonNode results) {

	static HistoryEntry of(JsonNode row) {
		JsonNode script = row.path("script");
		JsonNode type = row.path("type");
		return new HistoryEntry(row.path("id").asLong(-1), type.isTextual() ? type.asText() : null,
				script.canConvertToInt() && script.isIntegralNumber() ? script.asInt() : null,
				row.path("script_results"));
	}

	boolean isRunOf(int scriptPk) {
		return (this.type == null || "script_run".equals(this.type)) && this.script != null && this.script == scriptPk;
	}

	/** Whether the agent has reported: the results carry an exit code. */
	boolean hasResult() {
		return this.results.isObject() && this.results.path("retcode").isIntegralNumber();
	}

	/**
	 * What the agent answered the run with: stdout and stderr run together, as it sends
	 * them to a caller that waits.
	 */
	String answer() {
		return text("stdout") + text("stderr");
	}

	/** The run as Closeloop reports it: succeeded when the script exited 0. */
	ScriptRun toRun(String runId) {
		int exitCode = this.results.path("retcode").asInt();
		String stdout = text("stdout").strip();
		String stderr = text("stderr").strip();
		String output = stdout + ((!stderr.isEmpty()) ? (stdout.isEmpty() ? "" : "\n") + stderr : "");
		return new ScriptRun(runId, (exitCode == 0) ? ScriptRun.Status.SUCCEEDED : ScriptRun.Status.FAILED, exitCode,
				output);
	}

	private String text(String field) {
		JsonNode value = this.results.path(field);
		return value.isTextual() ? value.asText() : "";
	}

}
