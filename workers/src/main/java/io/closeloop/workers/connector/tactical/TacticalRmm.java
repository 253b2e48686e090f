package io.closeloop.workers.connector.tactical;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.DeviceScope;
import io.closeloop.workers.connector.OutcomeUnknownException;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.ScriptRunPoller;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.Verification;
import io.closeloop.workers.connector.http.PathSegment;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Tactical RMM: the alert's device id is the agent id. Scripts and checks run with
 * {@code output: "wait"} and their outcome is read from the agent's history
 * ({@link AgentScripts}), so a run is finished when it is returned; it is kept here by
 * its idempotency key, and its run id ({@code <agent id>#<history row>}) lets
 * {@link #scriptRun} read it again from the history after a restart.
 */
public class TacticalRmm implements RmmConnector {

	private static final int RUNS_KEPT = 10_000;

	private final TacticalRmmProperties properties;

	private final TacticalApi api;

	private final AgentScripts scripts;

	/** Finished runs by idempotency key, oldest dropped first. */
	private final Map<String, ScriptRun> runs = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, ScriptRun> eldest) {
			return size() > RUNS_KEPT;
		}
	};

	/**
	 * Why the outcome of a run is unknown, by idempotency key: asked for, but never known
	 * to have finished.
	 */
	private final Map<String, String> unknown = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > RUNS_KEPT;
		}
	});

	TacticalRmm(TacticalRmmProperties properties, TacticalApi api, AgentScripts scripts) {
		this.properties = properties;
		this.api = api;
		this.scripts = scripts;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static TacticalRmm create(TacticalRmmProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(TacticalApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.apiKey()), clock);
		TacticalApi api = new TacticalApi(properties, http, new VendorJson(mapper));
		ScriptRunPoller results = new ScriptRunPoller(clock, properties.resultPollInterval(),
				properties.resultTimeout());
		return new TacticalRmm(properties, api,
				new AgentScripts(api, results, properties.scriptTimeout(), properties.resultTimeout()));
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
		for (String field : List.of("plat", "monitoring_type", "make_model", "client", "site_name", "needs_reboot",
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
		String agentId = agentId(alert);
		int pk = scriptPk(this.properties.scripts(), script, "scripts");
		// Under the run's own lock, so a second call with the same key waits for the
		// first and answers its run.
		synchronized (this.scripts.lock(agentId, pk)) {
			ScriptRun earlier = remembered(idempotencyKey);
			if (earlier != null) {
				return earlier;
			}
			String unknown = this.unknown.get(idempotencyKey);
			if (unknown != null) {
				throw new OutcomeUnknownException(unknown);
			}
			ScriptRun run;
			try {
				run = this.scripts.run(agentId, pk, idempotencyKey, "run-script");
			}
			catch (OutcomeUnknownException ex) {
				// The script may have run: the key never starts another.
				this.unknown.put(idempotencyKey, ex.getMessage());
				throw ex;
			}
			synchronized (this.runs) {
				this.runs.put(idempotencyKey, run);
			}
			return run;
		}
	}

	@Override
	public ScriptRun scriptRun(String tenant, String runId) {
		ScriptRun recorded = this.scripts.recorded(runId);
		if (recorded != null) {
			return recorded;
		}
		// A run that never got a history row (its agent did not answer) is known only
		// here.
		ScriptRun remembered = remembered(runId);
		if (remembered != null) {
			return remembered;
		}
		throw new OutcomeUnknownException(
				"Closeloop has no record of Tactical RMM run " + runId + "; see the agent's history in Tactical RMM");
	}

	@Override
	public Verification verify(AlertContext alert, String check) {
		int pk = scriptPk(this.properties.checks(), check, "checks");
		ScriptRun run = this.scripts.run(agentId(alert), pk, check, "verify");
		String evidence = (run.exitCode() != null) ? "exit " + run.exitCode() + ": " + run.output() : run.output();
		return new Verification(run.status() == ScriptRun.Status.SUCCEEDED, evidence);
	}

	private ScriptRun remembered(String idempotencyKey) {
		synchronized (this.runs) {
			return this.runs.get(idempotencyKey);
		}
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
