package io.closeloop.workers.connector.tactical;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.OutcomeUnknownException;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.ScriptRunPoller;
import io.closeloop.workers.connector.http.PathSegment;

/**
 * Runs scripts on Tactical RMM agents and reads their outcome where Tactical keeps it: in
 * the agent's history. {@code output: "wait"} answers when the agent replies, with stdout
 * and stderr run together and no exit code, and the agent writes its result to the
 * history only after replying; the answer names no run either. So the highest history id
 * is taken before the run is asked for, and after the answer the history is read until a
 * row of this script written after it carries a result.
 */
final class AgentScripts {

	/** What Tactical answers when the agent did not reply within the script's timeout. */
	static final String NO_REPLY = "timeout";

	/** What Tactical answers when it cannot reach its own NATS server. */
	static final String NATS_DOWN = "natsdown";

	private final TacticalApi api;

	private final ScriptRunPoller results;

	private final Duration scriptTimeout;

	private final Duration resultTimeout;

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	AgentScripts(TacticalApi api, ScriptRunPoller results, Duration scriptTimeout, Duration resultTimeout) {
		this.api = api;
		this.results = results;
		this.scriptTimeout = scriptTimeout;
		this.resultTimeout = resultTimeout;
	}

	/**
	 * The lock runs of one script on one agent take: two such runs at once are told apart
	 * only by the order of their history rows, so Closeloop never has two.
	 */
	Object lock(String agentId, int scriptPk) {
		return this.locks.computeIfAbsent(agentId + "\n" + scriptPk, (key) -> new Object());
	}

	/**
	 * Runs the script on the agent and waits for its result in the agent's history.
	 * @param runId the run's id while it has no history row (the agent never got it)
	 * @throws OutcomeUnknownException when the script may have run but its result did not
	 * reach the history in time: running it again could run it twice
	 * @throws ConnectorException when the script surely did not reach the agent, so
	 * trying again is safe
	 */
	ScriptRun run(String agentId, int scriptPk, String runId, String operation) {
		synchronized (lock(agentId, scriptPk)) {
			String agent = "/agents/" + PathSegment.encode(agentId);
			// Before anything is started: a failure here is safe to try again.
			long marker = AgentHistory.of(this.api.get(operation + "-history", agent + "/history/")).highestId();
			JsonNode answer;
			try {
				// Tactical waits the script's timeout plus 3 s for the agent: allow that
				// and the usual read timeout.
				answer = this.api.post(operation, agent + "/runscript/", body(scriptPk),
						this.scriptTimeout.plus(this.api.readTimeout()));
			}
			catch (OutcomeUnknownException lost) {
				return afterLostAnswer(agentId, scriptPk, runId, operation, marker, lost);
			}
			String text = answer.isTextual() ? answer.asText() : answer.toString();
			if (NATS_DOWN.equals(text)) {
				// Tactical could not reach NATS, so nothing was sent to the agent.
				throw new ConnectorException("Tactical RMM " + operation + " on agent " + agentId
						+ " answered \"natsdown\": Tactical could not reach its NATS server, so the script was not sent"
						+ " to the agent; trying again is safe");
			}
			boolean replied = !NO_REPLY.equals(text);
			Awaited awaited = await(agentId, scriptPk, marker, replied ? text : null, operation);
			if (awaited.row() != null && awaited.row().hasResult()) {
				return awaited.row().toRun(runIdOf(agentId, awaited.row(), runId));
			}
			if (!replied) {
				// The agent got no message or ran longer than its timeout, when it kills
				// the script: either way the fix did not run to its end. It may have
				// started, so it is a failure for a person to look at, not one to retry.
				return new ScriptRun(runIdOf(agentId, awaited.row(), runId), ScriptRun.Status.FAILED, null, "Agent "
						+ agentId + " did not answer within the script's timeout of " + this.scriptTimeout.toSeconds()
						+ " s (Tactical RMM answered \"timeout\"): it is offline, or the script ran longer. The script may have started; no result reached the agent's history within "
						+ this.resultTimeout + awaited.lastProblem());
			}
			throw new OutcomeUnknownException("Tactical RMM ran " + operation + " (script " + scriptPk + ") on agent "
					+ agentId + ", but no result for it reached the agent's history within " + this.resultTimeout
					+ awaited.lastProblem() + "; its outcome is unknown, so it is not run again: see "
					+ awaited.where(agentId));
		}
	}

	/**
	 * The run a runId names, read again from the agent's history: after a restart, the
	 * history still knows what the connector's memory lost.
	 * @return the run, or null when the run id names no history row
	 */
	ScriptRun recorded(String runId) {
		int hash = runId.lastIndexOf('#');
		if (hash <= 0 || hash == runId.length() - 1
				|| !runId.substring(hash + 1).chars().allMatch(Character::isDigit)) {
			return null;
		}
		String agentId = runId.substring(0, hash);
		long id = Long.parseLong(runId.substring(hash + 1));
		AgentHistory history = AgentHistory
			.of(this.api.get("script-run", "/agents/" + PathSegment.encode(agentId) + "/history/"));
		HistoryEntry row = history.entry(id)
			.orElseThrow(() -> new OutcomeUnknownException("The history of Tactical RMM agent " + agentId
					+ " has no row " + id + " (Tactical prunes old rows); the run's outcome is unknown"));
		return row.hasResult() ? row.toRun(runId) : new ScriptRun(runId, ScriptRun.Status.RUNNING, null, null);
	}

	/**
	 * No answer in time, or a 5xx: the history tells whether the script ran. Tactical
	 * writes the row before it reaches for the agent, so no row means the request never
	 * got that far.
	 */
	private ScriptRun afterLostAnswer(String agentId, int scriptPk, String runId, String operation, long marker,
			OutcomeUnknownException lost) {
		Awaited awaited = await(agentId, scriptPk, marker, null, operation);
		if (awaited.row() != null && awaited.row().hasResult()) {
			return awaited.row().toRun(runIdOf(agentId, awaited.row(), runId));
		}
		if (awaited.row() == null && awaited.problem() == null) {
			throw new ConnectorException("Tactical RMM " + operation + " on agent " + agentId + " got no answer ("
					+ lost.getMessage() + "), but Tactical recorded no run of script " + scriptPk
					+ ", so the request never reached the agent; trying again is safe");
		}
		// Tactical answers HTTP 500 at once when the agent is offline (no NATS
		// subscriber), but a 5xx may also come after the agent got the script.
		throw new OutcomeUnknownException("Tactical RMM " + operation + " on agent " + agentId + " got no answer ("
				+ lost.getMessage() + "), and no result reached the agent's history within " + this.resultTimeout
				+ awaited.lastProblem() + ". Tactical answers HTTP 500 when the agent is offline, but the script may"
				+ " have run: its outcome is unknown, so it is not run again; see " + awaited.where(agentId));
	}

	/**
	 * Reads the history until this run's row carries a result or the result timeout
	 * passes. Nothing here throws: after the run was asked for, a failure to read its
	 * result leaves its outcome open, which the caller reports.
	 */
	private Awaited await(String agentId, int scriptPk, long marker, String answer, String operation) {
		String path = "/agents/" + PathSegment.encode(agentId) + "/history/";
		AtomicReference<HistoryEntry> row = new AtomicReference<>();
		AtomicReference<String> problem = new AtomicReference<>();
		try {
			this.results.awaitEnd("Tactical RMM " + operation + " on agent " + agentId, () -> {
				try {
					Optional<HistoryEntry> found = AgentHistory.of(this.api.get(operation + "-result", path))
						.runAfter(marker, scriptPk, answer);
					row.set(found.orElse(null));
					problem.set(null);
					return found.filter(HistoryEntry::hasResult)
						.map((entry) -> entry.toRun(String.valueOf(entry.id())))
						.orElseGet(() -> new ScriptRun(agentId, ScriptRun.Status.RUNNING, null, null));
				}
				catch (RuntimeException ex) {
					problem.set(ex.getMessage());
					return new ScriptRun(agentId, ScriptRun.Status.RUNNING, null, null);
				}
			});
		}
		catch (ConnectorException timedOut) {
			// The result did not come in time: what was seen last tells the caller why.
		}
		return new Awaited(row.get(), problem.get(), marker, scriptPk);
	}

	private static String runIdOf(String agentId, HistoryEntry row, String fallback) {
		return (row != null) ? agentId + "#" + row.id() : fallback;
	}

	private Map<String, Object> body(int scriptPk) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("script", scriptPk);
		body.put("output", "wait");
		body.put("args", List.of());
		body.put("timeout", this.scriptTimeout.toSeconds());
		body.put("run_as_user", false);
		body.put("env_vars", List.of());
		return body;
	}

	/** What the history showed last while the result was awaited. */
	private record Awaited(HistoryEntry row, String problem, long marker, int scriptPk) {

		String lastProblem() {
			if (this.problem != null) {
				return " (the history could not be read: " + this.problem + ")";
			}
			return (this.row != null) ? " (its history row " + this.row.id() + " has no result yet)"
					: " (no run of script " + this.scriptPk + " after history row " + this.marker + ")";
		}

		String where(String agentId) {
			return (this.row != null) ? "history row " + this.row.id() + " of agent " + agentId + " in Tactical RMM"
					: "the history of agent " + agentId + " in Tactical RMM";
		}

	}

}
