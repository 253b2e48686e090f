package io.closeloop.workers.connector.atera;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.DeviceScope;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.Verification;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Atera: the alert's device id is the Atera agent id ({@code AgentID}), and its tenant
 * maps to an Atera customer. Atera's public API reads agents, customers and alerts but
 * offers no call that runs a script or an IT automation profile on an agent, so this
 * connector says so ({@link #scriptsUnavailable}), the decision hands every proposed fix
 * to a person, and the act path is never taken: {@link #runScript} and {@link #verify}
 * refuse without calling Atera.
 */
public class AteraRmm implements RmmConnector {

	static final String NO_SCRIPTS = "Atera's public API offers no call that runs a script";

	private static final List<String> DETAILS = List.of("CustomerName", "FolderName", "DeviceType", "OSType",
			"OSVersion", "DomainName", "LastLoginUser", "LastRebootTime", "VendorBrandModel", "AppViewUrl");

	private final AteraRmmProperties properties;

	private final AteraApi api;

	AteraRmm(AteraRmmProperties properties, AteraApi api) {
		this.properties = properties;
		this.api = api;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static AteraRmm create(AteraRmmProperties properties, ObjectMapper mapper, Clock clock) {
		return new AteraRmm(properties, AteraApi.create(properties, new VendorJson(mapper), clock));
	}

	/**
	 * Atera's open alerts, read through this connector's client, so the poll and the
	 * workers share one per-minute budget.
	 */
	public AteraAlertFeed alertFeed(ActiveRules rules) {
		return new AteraAlertFeed(this.properties, this.api, rules);
	}

	@Override
	public String system() {
		return AteraApi.VENDOR.name();
	}

	@Override
	public Optional<String> scriptsUnavailable(String tenant) {
		return Optional.of(NO_SCRIPTS);
	}

	@Override
	public DeviceScope scopeOf(AlertContext alert) {
		if (alert.device() == null || alert.device().id() == null) {
			return DeviceScope.unknown("(none named)", AteraApi.VENDOR.displayName());
		}
		String deviceId = alert.device().id();
		Optional<JsonNode> agent = agent(deviceId, "device-scope");
		if (agent.isEmpty()) {
			return DeviceScope.unknown(deviceId, AteraApi.VENDOR.displayName());
		}
		return DeviceScope.judged(deviceId, alert.tenant(), "Atera customer",
				this.properties.customers().get(alert.tenant()), "closeloop.rmm.atera.customers",
				VendorJson.text(agent.get(), "CustomerID"));
	}

	@Override
	public DeviceFacts deviceFacts(AlertContext alert) {
		String deviceId = (alert.device() != null) ? alert.device().id() : null;
		JsonNode agent = agent(deviceId, "device-facts")
			.orElseThrow(() -> new VendorRejectedException(AteraApi.VENDOR.displayName(), "device-facts", 404,
					"no agent " + deviceId));
		Map<String, String> details = new LinkedHashMap<>();
		for (String field : DETAILS) {
			String value = VendorJson.text(agent, field);
			if (value != null && !value.isBlank()) {
				details.put(field, value);
			}
		}
		String hostname = VendorJson.text(agent, "MachineName");
		return new DeviceFacts(deviceId, (hostname != null) ? hostname : alert.device().hostname(),
				agent.path("Online").asBoolean(false), VendorJson.text(agent, "OS"), VendorJson.text(agent, "LastSeen"),
				details);
	}

	@Override
	public ScriptRun runScript(AlertContext alert, String script, String idempotencyKey) {
		throw noScripts("run " + script);
	}

	@Override
	public ScriptRun scriptRun(String tenant, String runId) {
		throw noScripts("look up run " + runId);
	}

	@Override
	public Verification verify(AlertContext alert, String check) {
		throw noScripts("run the check " + check);
	}

	/**
	 * The agent, or empty when the id is no Atera agent id (an agentless device's GUID)
	 * or Atera knows no such agent.
	 */
	private Optional<JsonNode> agent(String deviceId, String operation) {
		if (deviceId == null || !deviceId.strip().matches("[0-9]{1,18}")) {
			return Optional.empty();
		}
		try {
			JsonNode agent = this.api.get(operation, "/agents/" + deviceId.strip());
			return (agent.hasNonNull("AgentID")) ? Optional.of(agent) : Optional.empty();
		}
		catch (VendorRejectedException ex) {
			if (ex.status() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private static UnsupportedOperationException noScripts(String what) {
		return new UnsupportedOperationException(
				"Cannot " + what + ": " + NO_SCRIPTS + "; Atera alerts are handed to a person");
	}

}
