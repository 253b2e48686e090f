package io.closeloop.workers.connector.ncentral;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import io.closeloop.workers.connector.ScriptRunPoller;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.Verification;
import io.closeloop.workers.connector.http.PathSegment;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * N-able N-central: the alert's device id is the N-central device id, and its tenant maps
 * to the N-central customer. Scripts run as direct support tasks; the run id is the task
 * id. A task's name must be unique in N-central, and carries the idempotency key, so the
 * same step cannot start a second task, and an operator finds the task a step started.
 */
public class NcentralRmm implements RmmConnector {

	private final NcentralRmmProperties properties;

	private final NcentralApi api;

	private final Clock clock;

	private final ScriptRunPoller checks;

	NcentralRmm(NcentralRmmProperties properties, NcentralApi api, Clock clock, ScriptRunPoller checks) {
		this.properties = properties;
		this.api = api;
		this.clock = clock;
		this.checks = checks;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static NcentralRmm create(NcentralRmmProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(NcentralApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.userApiToken()), clock);
		return new NcentralRmm(properties, new NcentralApi(properties, http, new VendorJson(mapper), clock), clock,
				new ScriptRunPoller(clock, properties.checkPollInterval(), properties.checkTimeout()));
	}

	@Override
	public String system() {
		return NcentralApi.VENDOR.name();
	}

	@Override
	public DeviceScope scopeOf(AlertContext alert) {
		if (alert.device() == null || alert.device().id() == null) {
			return DeviceScope.unknown("(none named)", NcentralApi.VENDOR.displayName());
		}
		String deviceId = alert.device().id();
		JsonNode device;
		try {
			device = this.api.get("device-scope", "/api/devices/" + PathSegment.encode(deviceId)).path("data");
		}
		catch (VendorRejectedException ex) {
			if (ex.status() == 404) {
				return DeviceScope.unknown(deviceId, NcentralApi.VENDOR.displayName());
			}
			throw ex;
		}
		return DeviceScope.judged(deviceId, alert.tenant(), "N-central customer",
				this.properties.customers().get(alert.tenant()), "closeloop.rmm.ncentral.customers",
				VendorJson.text(device, "customerId"));
	}

	@Override
	public DeviceFacts deviceFacts(AlertContext alert) {
		String deviceId = String.valueOf(numericDeviceId(alert));
		JsonNode device = VendorJson.required(
				this.api.get("device-facts", "/api/devices/" + PathSegment.encode(deviceId)), "data",
				NcentralApi.VENDOR.displayName(), "device-facts");
		Map<String, String> details = new LinkedHashMap<>();
		for (String field : List.of("deviceClass", "customerName", "siteName", "lastLoggedInUser", "discoveredName",
				"licenseMode", "uri")) {
			String value = VendorJson.text(device, field);
			if (value != null && !value.isBlank()) {
				details.put(field, value);
			}
		}
		String hostname = VendorJson.text(device, "longName");
		Instant checkIn = instant(VendorJson.text(device, "lastApplianceCheckinTime"));
		// N-central reports no online flag: an agent that checked in lately counts as
		// online.
		boolean online = checkIn != null
				&& !checkIn.isBefore(this.clock.instant().minus(this.properties.onlineWithin()));
		return new DeviceFacts(deviceId, (hostname != null) ? hostname : alert.device().hostname(), online,
				VendorJson.text(device, "supportedOs"),
				(checkIn != null) ? checkIn.toString() : VendorJson.text(device, "lastApplianceCheckinTime"), details);
	}

	@Override
	public ScriptRun runScript(AlertContext alert, String script, String idempotencyKey) {
		int itemId = itemId(this.properties.scripts(), script, "scripts");
		String taskId = startTask(alert, itemId, "Closeloop " + script + " [" + idempotencyKey + "]", "run-script");
		return new ScriptRun(taskId, ScriptRun.Status.RUNNING, null, "started as N-central task " + taskId);
	}

	@Override
	public ScriptRun scriptRun(String tenant, String runId) {
		String taskPath = "/api/scheduled-tasks/" + PathSegment.encode(runId);
		JsonNode counts = this.api.get("script-status", taskPath + "/status").path("data").path("statusCounts");
		List<String> reported = new ArrayList<>();
		boolean ended = true;
		for (Map.Entry<String, JsonNode> count : counts.properties()) {
			if (count.getValue().asInt(0) > 0) {
				reported.add(count.getKey() + " " + count.getValue().asInt());
				ended &= isAny(this.properties.succeededStatuses(), count.getKey())
						|| isAny(this.properties.failedStatuses(), count.getKey());
			}
		}
		if (reported.isEmpty() || !ended) {
			return new ScriptRun(runId, ScriptRun.Status.RUNNING, null,
					reported.isEmpty() ? "no status reported yet" : String.join(", ", reported));
		}
		return outcome(runId, this.api.get("script-result", taskPath + "/status/details").path("data"), counts);
	}

	@Override
	public Verification verify(AlertContext alert, String check) {
		int itemId = itemId(this.properties.checks(), check, "checks");
		// Each verification attempt is a task of its own, and task names are unique.
		String name = "Closeloop check " + check + " [alert-" + alert.alertId() + " "
				+ this.clock.instant().toEpochMilli() + "]";
		String taskId = startTask(alert, itemId, name, "verify");
		ScriptRun run = this.checks.awaitEnd("N-central check " + check, () -> scriptRun(alert.tenant(), taskId));
		return new Verification(run.status() == ScriptRun.Status.SUCCEEDED, run.output());
	}

	private String startTask(AlertContext alert, int itemId, String name, String operation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("itemId", itemId);
		body.put("taskType", this.properties.taskType());
		body.put("customerId", customerId(alert.tenant()));
		body.put("deviceId", numericDeviceId(alert));
		body.put("credential", Map.of("type", this.properties.credentialType()));
		body.put("parameters", List.of());
		JsonNode answer = this.api.post(operation, "/api/scheduled-tasks/direct", body);
		JsonNode data = VendorJson.required(answer, "data", NcentralApi.VENDOR.displayName(), operation);
		return VendorJson.required(data, "taskId", NcentralApi.VENDOR.displayName(), operation).asText();
	}

	/** The ended task's outcome, from its per-device details. */
	private ScriptRun outcome(String runId, JsonNode details, JsonNode counts) {
		boolean succeeded = true;
		StringBuilder output = new StringBuilder();
		if (details.isArray() && !details.isEmpty()) {
			for (JsonNode device : details) {
				succeeded &= isAny(this.properties.succeededStatuses(), VendorJson.text(device, "status"));
				for (String field : List.of("output", "message")) {
					String text = VendorJson.text(device, field);
					if (text != null && !text.isBlank()) {
						output.append((output.length() > 0) ? "\n" : "").append(text.strip());
					}
				}
			}
		}
		else {
			// No details (yet): the counts alone say how it ended.
			for (Map.Entry<String, JsonNode> count : counts.properties()) {
				succeeded &= count.getValue().asInt(0) == 0
						|| isAny(this.properties.succeededStatuses(), count.getKey());
			}
		}
		if (output.length() == 0) {
			output.append("task ").append(succeeded ? "succeeded" : "failed").append(" without output");
		}
		// N-central reports a task's status, not the script's exit code.
		return new ScriptRun(runId, succeeded ? ScriptRun.Status.SUCCEEDED : ScriptRun.Status.FAILED, null,
				output.toString());
	}

	private int customerId(String tenant) {
		Integer customerId = this.properties.customers().get(tenant);
		if (customerId == null) {
			throw new IllegalStateException("No N-central customer is configured for tenant '" + tenant
					+ "': set closeloop.rmm.ncentral.customers." + tenant + " to the customer's id");
		}
		return customerId;
	}

	private static boolean isAny(List<String> statuses, String status) {
		return status != null && statuses.stream().anyMatch((known) -> known.equalsIgnoreCase(status.strip()));
	}

	private static Instant instant(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int itemId(Map<String, Integer> mapping, String name, String key) {
		Integer id = mapping.get(name);
		if (id == null) {
			throw new IllegalStateException("No N-central repository item is configured for '" + name
					+ "': set closeloop.rmm.ncentral." + key + "." + name + " to the item's id");
		}
		return id;
	}

	/**
	 * N-central's device ids are 32-bit numbers, in the task body as in the device path.
	 */
	private static int numericDeviceId(AlertContext alert) {
		String deviceId = deviceId(alert);
		try {
			return Integer.parseInt(deviceId.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Alert " + alert.alertId() + " names device '" + deviceId + "', not an N-central device id");
		}
	}

	private static String deviceId(AlertContext alert) {
		if (alert.device() == null) {
			throw new IllegalArgumentException("Alert " + alert.alertId() + " names no device");
		}
		return alert.device().id();
	}

}
