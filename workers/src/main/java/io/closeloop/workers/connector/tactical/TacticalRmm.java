package io.closeloop.workers.connector.tactical;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.DeviceScope;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.Verification;
import io.closeloop.workers.connector.http.PathSegment;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Tactical RMM: the alert's device id is the agent id. Scripts run with
 * {@code output: "wait"}, so the request returns when the script has finished; the run is
 * kept here so {@link #scriptRun} answers it. The wait answers only the output, so the
 * exit code is read from the agent's history.
 */
public class TacticalRmm implements RmmConnector {

	private static final int RUNS_KEPT = 10_000;

	private final TacticalRmmProperties properties;

	private final TacticalApi api;

	/** Finished runs by run id (the idempotency key), oldest dropped first. */
	private final Map<String, ScriptRun> runs = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, ScriptRun> eldest) {
			return size() > RUNS_KEPT;
		}
	};

	TacticalRmm(TacticalRmmProperties properties, TacticalApi api) {
		this.properties = properties;
		this.api = api;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static TacticalRmm create(TacticalRmmProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(TacticalApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.apiKey()), clock);
		return new TacticalRmm(properties, new TacticalApi(properties, http, new VendorJson(mapper)));
	}

	@Override
	public String system() {
		return TacticalApi.VENDOR.name();
	}

	/**
	 * The agent's client, found through its site: the agent names its client only by its
	 * name, which can be changed, and its site by its id.
	 */
	@Override
	public DeviceScope scopeOf(AlertContext alert) {
		if (alert.device() == null || alert.device().id() == null) {
			return DeviceScope.unknown("(none named)", TacticalApi.VENDOR.displayName());
		}
		String agentId = alert.device().id();
		JsonNode agent;
		try {
			agent = this.api.get("device-scope", "/agents/" + PathSegment.encode(agentId) + "/");
		}
		catch (VendorRejectedException ex) {
			if (ex.status() == 404) {
				return DeviceScope.unknown(agentId, TacticalApi.VENDOR.displayName());
			}
			throw ex;
		}
		String site = VendorJson.text(agent, "site");
		String client = (site != null) ? VendorJson
			.text(this.api.get("device-scope", "/clients/sites/" + PathSegment.encode(site) + "/"), "client") : null;
		return DeviceScope.judged(agentId, alert.tenant(), "Tactical RMM client",
				this.properties.clients().get(alert.tenant()), "closeloop.rmm.tactical.clients", client);
	}

	@Override
	public DeviceFacts deviceFacts(AlertContext alert) {
		String agentId = agentId(alert);
		JsonNode agent = this.api.get("device-facts", "/agents/" + PathSegment.encode(agentId) + "/");
		Map<String, String> details = new LinkedHashMap<>();
		for (String field : List.of("plat", "monitoring_type", "client_name", "site_name", "needs_reboot",
				"logged_in_username", "public_ip", "boot_time", "version")) {
			String value = VendorJson.text(agent, field);
			if (value != null) {
				details.put(field, value);
			}
		}
		String hostname = VendorJson.text(agent, "hostname");
		return new DeviceFacts(agentId, (hostname != null) ? hostname : alert.device().hostname(),
				"online".equalsIgnoreCase(VendorJson.text(agent, "status")), VendorJson.text(agent, "operating_system"),
				VendorJson.text(agent, "last_seen"), details);
	}

	@Override
	public ScriptRun runScript(AlertContext alert, String script, String idempotencyKey) {
		synchronized (this.runs) {
			ScriptRun earlier = this.runs.get(idempotencyKey);
			if (earlier != null) {
				return earlier;
			}
		}
		int pk = scriptPk(this.properties.scripts(), script, "scripts");
		ScriptRun run = run(agentId(alert), pk, idempotencyKey, "run-script");
		synchronized (this.runs) {
			this.runs.put(idempotencyKey, run);
		}
		return run;
	}

	@Override
	public ScriptRun scriptRun(String tenant, String runId) {
		synchronized (this.runs) {
			ScriptRun run = this.runs.get(runId);
			if (run != null) {
				return run;
			}
		}
		// Runs are kept in memory: after a restart the outcome is unknown here, though
		// the agent's history in Tactical RMM still shows it.
		return new ScriptRun(runId, ScriptRun.Status.FAILED, null,
				"Closeloop has no record of Tactical RMM run " + runId + " (restarted?); see the agent's history");
	}

	@Override
	public Verification verify(AlertContext alert, String check) {
		int pk = scriptPk(this.properties.checks(), check, "checks");
		ScriptRun run = run(agentId(alert), pk, check, "verify");
		String evidence = (run.exitCode() != null) ? "exit " + run.exitCode() + ": " + run.output() : run.output();
		return new Verification(run.status() == ScriptRun.Status.SUCCEEDED, evidence);
	}

	private ScriptRun run(String agentId, int scriptPk, String runId, String operation) {
		String agentPath = "/agents/" + PathSegment.encode(agentId);
		long timeoutSeconds = this.properties.scriptTimeout().toSeconds();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("script", scriptPk);
		body.put("output", "wait");
		body.put("args", List.of());
		body.put("timeout", timeoutSeconds);
		body.put("run_as_user", false);
		body.put("env_vars", List.of());
		// Tactical answers when the script is done: allow its whole run time plus the
		// usual read timeout.
		JsonNode answer = this.api.post(operation, agentPath + "/runscript/", body,
				this.properties.scriptTimeout().plus(this.api.readTimeout()));
		String output = answer.isTextual() ? answer.asText() : answer.toString();
		JsonNode result = latestResult(this.api.get(operation + "-history", agentPath + "/history/"), scriptPk);
		if (result == null) {
			// No history entry to read the exit code from: the script answered, so it
			// ran.
			return new ScriptRun(runId, ScriptRun.Status.SUCCEEDED, null, output.strip());
		}
		int exitCode = result.path("retcode").asInt(-1);
		String stdout = VendorJson.text(result, "stdout");
		String stderr = VendorJson.text(result, "stderr");
		String combined = ((stdout != null) ? stdout.strip() : output.strip())
				+ ((stderr != null && !stderr.isBlank()) ? "\n" + stderr.strip() : "");
		return new ScriptRun(runId, (exitCode == 0) ? ScriptRun.Status.SUCCEEDED : ScriptRun.Status.FAILED, exitCode,
				combined);
	}

	/** The newest history entry with results for this script. */
	private static JsonNode latestResult(JsonNode history, int scriptPk) {
		JsonNode latest = null;
		long latestId = Long.MIN_VALUE;
		for (JsonNode entry : history) {
			JsonNode results = entry.path("script_results");
			if (entry.path("script").asInt(-1) == scriptPk && results.has("retcode")
					&& entry.path("id").asLong() > latestId) {
				latest = results;
				latestId = entry.path("id").asLong();
			}
		}
		return latest;
	}

	private static int scriptPk(Map<String, Integer> mapping, String name, String key) {
		Integer pk = mapping.get(name);
		if (pk == null) {
			throw new IllegalStateException("No Tactical RMM script is configured for '" + name
					+ "': set closeloop.rmm.tactical." + key + "." + name + " to the script's id");
		}
		return pk;
	}

	private static String agentId(AlertContext alert) {
		if (alert.device() == null) {
			throw new IllegalArgumentException("Alert " + alert.alertId() + " names no device");
		}
		return alert.device().id();
	}

}
