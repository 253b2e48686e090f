package io.closeloop.workers.connector.ninjaone;

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
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.PathSegment;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * NinjaOne: the alert's device id is the NinjaOne device id. NinjaOne starts a script
 * without answering a job id, so before starting one the connector notes the device's
 * newest activity id; the run id is {@code deviceId:activityId}, and the run's state is
 * read from the script activities logged after it (see {@link ScriptActivities}).
 * NinjaOne takes no idempotency key either: a key already started in this process gets
 * the first run back, and the step's ledger guards across restarts.
 */
public class NinjaOneRmm implements RmmConnector {

	private static final int RUNS_KEPT = 10_000;

	/** Activities read per poll: NinjaOne's default page. */
	private static final int ACTIVITIES_READ = 200;

	/**
	 * Activities read for the mark: NinjaOne's smallest page (it allows 10 to 1000). The
	 * mark is the newest id on the page or in the answer's {@code lastActivityId} and
	 * {@code lastNodeActivityId}, however many the page holds.
	 */
	private static final int MARK_PAGE = 10;

	private final NinjaOneRmmProperties properties;

	private final NinjaOneApi api;

	private final ScriptRunPoller checks;

	/** Runs started, by idempotency key, oldest dropped first. */
	private final Map<String, ScriptRun> started = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, ScriptRun> eldest) {
			return size() > RUNS_KEPT;
		}
	};

	NinjaOneRmm(NinjaOneRmmProperties properties, NinjaOneApi api, ScriptRunPoller checks) {
		this.properties = properties;
		this.api = api;
		this.checks = checks;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static NinjaOneRmm create(NinjaOneRmmProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(NinjaOneApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.clientSecret(), properties.refreshToken()), clock);
		return new NinjaOneRmm(properties, new NinjaOneApi(properties, http, new VendorJson(mapper), clock),
				new ScriptRunPoller(clock, properties.checkPollInterval(), properties.checkTimeout()));
	}

	@Override
	public String system() {
		return NinjaOneApi.VENDOR.name();
	}

	@Override
	public DeviceScope scopeOf(AlertContext alert) {
		if (alert.device() == null || alert.device().id() == null) {
			return DeviceScope.unknown("(none named)", NinjaOneApi.VENDOR.displayName());
		}
		String deviceId = alert.device().id();
		JsonNode device;
		try {
			device = this.api.get("device-scope", "/v2/device/" + PathSegment.encode(deviceId));
		}
		catch (VendorRejectedException ex) {
			if (ex.status() == 404) {
				return DeviceScope.unknown(deviceId, NinjaOneApi.VENDOR.displayName());
			}
			throw ex;
		}
		return DeviceScope.judged(deviceId, alert.tenant(), "NinjaOne organization",
				this.properties.organizations().get(alert.tenant()), "closeloop.rmm.ninjaone.organizations",
				VendorJson.text(device, "organizationId"));
	}

	@Override
	public DeviceFacts deviceFacts(AlertContext alert) {
		String deviceId = deviceId(alert);
		JsonNode device = this.api.get("device-facts", "/v2/device/" + PathSegment.encode(deviceId));
		Map<String, String> details = new LinkedHashMap<>();
		for (String field : List.of("displayName", "dnsName", "nodeClass", "deviceType", "organizationId", "locationId",
				"publicIP", "approvalStatus")) {
			String value = VendorJson.text(device, field);
			if (value != null) {
				details.put(field, value);
			}
		}
		String hostname = firstText(device, "systemName", "dnsName", "displayName");
		JsonNode offline = device.path("offline");
		JsonNode lastContact = device.path("lastContact");
		return new DeviceFacts(deviceId, (hostname != null) ? hostname : alert.device().hostname(),
				offline.isBoolean() && !offline.asBoolean(), os(device),
				// NinjaOne gives times as epoch seconds, with a fraction.
				lastContact.isNumber() ? Instant.ofEpochMilli(Math.round(lastContact.asDouble() * 1000)).toString()
						: null,
				details);
	}

	@Override
	public ScriptRun runScript(AlertContext alert, String script, String idempotencyKey) {
		synchronized (this.started) {
			ScriptRun earlier = this.started.get(idempotencyKey);
			if (earlier != null) {
				return earlier;
			}
		}
		ScriptRun run = start(alert, script, scriptId(this.properties.scripts(), script, "scripts"), "run-script");
		synchronized (this.started) {
			this.started.put(idempotencyKey, run);
		}
		return run;
	}

	@Override
	public ScriptRun scriptRun(String tenant, String runId) {
		int separator = runId.lastIndexOf(':');
		long mark = (separator > 0) ? parseMark(runId.substring(separator + 1)) : -1;
		if (mark < 0) {
			return new ScriptRun(runId, ScriptRun.Status.FAILED, null, "not a NinjaOne run id: " + runId);
		}
		String deviceId = runId.substring(0, separator);
		JsonNode activities = this.api.get("script-status", "/v2/device/" + PathSegment.encode(deviceId)
				+ "/activities?newerThan=" + mark + "&pageSize=" + ACTIVITIES_READ);
		return ScriptActivities.state(runId, activities, this.properties.scriptActivityTypes(), mark);
	}

	@Override
	public Verification verify(AlertContext alert, String check) {
		ScriptRun started = start(alert, check, scriptId(this.properties.checks(), check, "checks"), "verify");
		ScriptRun run = this.checks.awaitEnd("NinjaOne check " + check,
				() -> scriptRun(alert.tenant(), started.runId()));
		return new Verification(run.status() == ScriptRun.Status.SUCCEEDED, run.output());
	}

	private ScriptRun start(AlertContext alert, String name, int scriptId, String operation) {
		String deviceId = deviceId(alert);
		String devicePath = "/v2/device/" + PathSegment.encode(deviceId);
		long mark = ScriptActivities
			.mark(this.api.get(operation + "-mark", devicePath + "/activities?pageSize=" + MARK_PAGE));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "SCRIPT");
		body.put("id", scriptId);
		String parameters = this.properties.scriptParameters().get(name);
		if (parameters != null) {
			body.put("parameters", parameters);
		}
		body.put("runAs", this.properties.runAs());
		this.api.post(operation, Idempotence.NOT_IDEMPOTENT, devicePath + "/script/run", body);
		return new ScriptRun(deviceId + ":" + mark, ScriptRun.Status.RUNNING, null,
				"started NinjaOne script " + scriptId + " on device " + deviceId + " after activity " + mark);
	}

	/**
	 * The OS as the device's kind carries it: an agent's {@code os.name}, a virtual
	 * machine guest's {@code guestOSFullName}; other kinds (network devices, cloud
	 * monitors, hypervisor hosts) name none.
	 */
	private static String os(JsonNode device) {
		String agentOs = VendorJson.text(device.path("os"), "name");
		return (agentOs != null && !agentOs.isBlank()) ? agentOs : firstText(device, "guestOSFullName");
	}

	private static long parseMark(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String firstText(JsonNode node, String... fields) {
		for (String field : fields) {
			String value = VendorJson.text(node, field);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static int scriptId(Map<String, Integer> mapping, String name, String key) {
		Integer id = mapping.get(name);
		if (id == null) {
			throw new IllegalStateException("No NinjaOne script is configured for '" + name
					+ "': set closeloop.rmm.ninjaone." + key + "." + name + " to the script's id");
		}
		return id;
	}

	/** NinjaOne's device ids are numbers: anything else would be refused by its API. */
	private static String deviceId(AlertContext alert) {
		if (alert.device() == null) {
			throw new IllegalArgumentException("Alert " + alert.alertId() + " names no device");
		}
		String deviceId = alert.device().id().strip();
		if (!deviceId.matches("\\d{1,10}")) {
			throw new IllegalArgumentException(
					"Alert " + alert.alertId() + " names device '" + deviceId + "', not a NinjaOne device id");
		}
		return deviceId;
	}

}
