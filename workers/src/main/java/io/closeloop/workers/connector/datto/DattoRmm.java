package io.closeloop.workers.connector.datto;

import java.time.Clock;
import java.time.Instant;
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
 * Datto RMM: the alert's device id is the device uid. Scripts are components run as quick
 * jobs; a run id is {@code jobUid:deviceUid}, since a job's results are read per device.
 * The idempotency key is in the job's name, so an operator finds the job a step started.
 */
public class DattoRmm implements RmmConnector {

	private final DattoRmmProperties properties;

	private final DattoApi api;

	private final ScriptRunPoller checks;

	DattoRmm(DattoRmmProperties properties, DattoApi api, ScriptRunPoller checks) {
		this.properties = properties;
		this.api = api;
		this.checks = checks;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static DattoRmm create(DattoRmmProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(DattoApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.apiKey(), properties.apiSecret()), clock);
		return new DattoRmm(properties, new DattoApi(properties, http, new VendorJson(mapper), clock),
				new ScriptRunPoller(clock, properties.checkPollInterval(), properties.checkTimeout()));
	}

	@Override
	public String system() {
		return DattoApi.VENDOR.name();
	}

	@Override
	public DeviceScope scopeOf(AlertContext alert) {
		if (alert.device() == null || alert.device().id() == null) {
			return DeviceScope.unknown("(none named)", DattoApi.VENDOR.displayName());
		}
		String deviceUid = alert.device().id();
		JsonNode device;
		try {
			device = this.api.get("device-scope", devicePath(deviceUid));
		}
		catch (VendorRejectedException ex) {
			if (ex.status() == 404) {
				return DeviceScope.unknown(deviceUid, DattoApi.VENDOR.displayName());
			}
			throw ex;
		}
		return DeviceScope.judged(deviceUid, alert.tenant(), "Datto RMM site",
				this.properties.sites().get(alert.tenant()), "closeloop.rmm.datto.sites",
				VendorJson.text(device, "siteUid"));
	}

	@Override
	public DeviceFacts deviceFacts(AlertContext alert) {
		String deviceUid = deviceUid(alert);
		JsonNode device = this.api.get("device-facts", devicePath(deviceUid));
		Map<String, String> details = new LinkedHashMap<>();
		for (String field : List.of("siteName", "intIpAddress", "lastLoggedInUser", "rebootRequired", "domain",
				"description")) {
			String value = VendorJson.text(device, field);
			if (value != null) {
				details.put(field, value);
			}
		}
		putNested(details, "deviceType", device.path("deviceType").path("category"));
		putNested(details, "deviceClass", device.path("deviceClass"));
		putNested(details, "patchStatus", device.path("patchManagement").path("patchStatus"));
		putNested(details, "antivirusStatus", device.path("antivirus").path("antivirusStatus"));
		String hostname = VendorJson.text(device, "hostname");
		return new DeviceFacts(deviceUid, (hostname != null) ? hostname : alert.device().hostname(),
				device.path("online").asBoolean(false), VendorJson.text(device, "operatingSystem"),
				lastSeen(device.path("lastSeen")), details);
	}

	@Override
	public ScriptRun runScript(AlertContext alert, String script, String idempotencyKey) {
		String componentUid = componentUid(this.properties.scripts(), script, "scripts");
		String jobUid = startJob(alert, componentUid, "Closeloop " + script + " [" + idempotencyKey + "]",
				"run-script");
		String runId = jobUid + ":" + deviceUid(alert);
		return new ScriptRun(runId, ScriptRun.Status.RUNNING, null, "started as Datto RMM job " + jobUid);
	}

	@Override
	public ScriptRun scriptRun(String tenant, String runId) {
		int separator = runId.indexOf(':');
		if (separator < 0) {
			return new ScriptRun(runId, ScriptRun.Status.FAILED, null, "not a Datto RMM run id: " + runId);
		}
		String jobUid = runId.substring(0, separator);
		String deviceUid = runId.substring(separator + 1);
		JsonNode job = this.api.get("script-status", "/v2/job/" + PathSegment.encode(jobUid));
		String status = VendorJson.required(job, "status", DattoApi.VENDOR.displayName(), "script-status").asText();
		if ("active".equalsIgnoreCase(status)) {
			return new ScriptRun(runId, ScriptRun.Status.RUNNING, null, "running");
		}
		if (!"completed".equalsIgnoreCase(status)) {
			return new ScriptRun(runId, ScriptRun.Status.FAILED, null, "Datto RMM job ended as " + status);
		}
		return results(runId, jobUid, deviceUid);
	}

	@Override
	public Verification verify(AlertContext alert, String check) {
		String componentUid = componentUid(this.properties.checks(), check, "checks");
		String jobUid = startJob(alert, componentUid, "Closeloop check " + check + " [alert " + alert.alertId() + "]",
				"verify");
		String runId = jobUid + ":" + deviceUid(alert);
		ScriptRun run = this.checks.awaitEnd("Datto RMM check " + check, () -> scriptRun(alert.tenant(), runId));
		return new Verification(run.status() == ScriptRun.Status.SUCCEEDED, run.output());
	}

	private String startJob(AlertContext alert, String componentUid, String jobName, String operation) {
		Map<String, Object> component = new LinkedHashMap<>();
		component.put("componentUid", componentUid);
		component.put("variables", List.of());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jobName", jobName);
		body.put("jobComponent", component);
		JsonNode answer = this.api.put(operation, "/v2/device/" + PathSegment.encode(deviceUid(alert)) + "/quickjob",
				body);
		JsonNode job = VendorJson.required(answer, "job", DattoApi.VENDOR.displayName(), operation);
		return VendorJson.required(job, "uid", DattoApi.VENDOR.displayName(), operation).asText();
	}

	private ScriptRun results(String runId, String jobUid, String deviceUid) {
		String path = "/v2/job/" + PathSegment.encode(jobUid) + "/results/" + PathSegment.encode(deviceUid);
		JsonNode results = this.api.get("script-result", path);
		JsonNode components = results.path("componentResults");
		boolean succeeded = components.size() > 0;
		boolean stdout = false;
		boolean stderr = false;
		for (JsonNode component : components) {
			succeeded &= "success".equalsIgnoreCase(VendorJson.text(component, "componentStatus"));
			stdout |= component.path("hasStdOut").asBoolean(false);
			stderr |= component.path("hasStdErr").asBoolean(false);
		}
		StringBuilder output = new StringBuilder();
		if (stdout) {
			output.append(stdData(this.api.get("script-stdout", path + "/stdout")));
		}
		if (stderr) {
			output.append((output.length() > 0) ? "\n" : "")
				.append(stdData(this.api.get("script-stderr", path + "/stderr")));
		}
		if (output.length() == 0) {
			output.append("job ")
				.append(succeeded ? "succeeded" : "failed")
				.append(" without output (")
				.append(VendorJson.text(results, "jobDeploymentStatus"))
				.append(")");
		}
		// Datto reports a component's status, not its exit code.
		return new ScriptRun(runId, succeeded ? ScriptRun.Status.SUCCEEDED : ScriptRun.Status.FAILED, null,
				output.toString().strip());
	}

	private static String stdData(JsonNode entries) {
		StringBuilder text = new StringBuilder();
		for (JsonNode entry : entries) {
			String data = VendorJson.text(entry, "stdData");
			if (data != null && !data.isBlank()) {
				text.append((text.length() > 0) ? "\n" : "").append(data.strip());
			}
		}
		return text.toString();
	}

	private static String lastSeen(JsonNode value) {
		if (value.isNumber()) {
			// Datto gives times as epoch milliseconds.
			return Instant.ofEpochMilli(value.asLong()).toString();
		}
		return (value.isMissingNode() || value.isNull()) ? null : value.asText();
	}

	private static void putNested(Map<String, String> details, String name, JsonNode value) {
		if (!value.isMissingNode() && !value.isNull()) {
			details.put(name, value.asText());
		}
	}

	private static String componentUid(Map<String, String> mapping, String name, String key) {
		String uid = mapping.get(name);
		if (uid == null || uid.isBlank()) {
			throw new IllegalStateException("No Datto RMM component is configured for '" + name
					+ "': set closeloop.rmm.datto." + key + "." + name + " to the component's uid");
		}
		return uid;
	}

	private static String devicePath(String deviceUid) {
		return "/v2/device/" + PathSegment.encode(deviceUid);
	}

	private static String deviceUid(AlertContext alert) {
		if (alert.device() == null) {
			throw new IllegalArgumentException("Alert " + alert.alertId() + " names no device");
		}
		return alert.device().id();
	}

}
