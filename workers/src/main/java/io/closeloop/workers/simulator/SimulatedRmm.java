package io.closeloop.workers.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.DeviceScope;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.Verification;

/**
 * A demo RMM for the embedded default, not a real one. It keeps simulated devices whose
 * state follows the alerts reported for them, runs scripts that change that state after a
 * short delay, and answers verification checks from it, so a disk cleanup really frees
 * space and its check passes. Two hostname markers make the failure paths reachable: a
 * hostname containing {@code SCRIPTFAIL} makes every script exit 1, and one containing
 * {@code NOFIX} makes scripts succeed without changing anything, so verification fails.
 * <p>
 * Devices belong to clients, as in a real RMM: a simulated device joins the client
 * (tenant) whose alert first names it, as an agent is enrolled in one client, and is out
 * of scope for every other tenant from then on.
 */
public class SimulatedRmm implements RmmConnector {

	private final Clock clock;

	private final Duration scriptDuration;

	private final Map<String, SimulatedDevice> devices = new HashMap<>();

	private final Map<String, Run> runsById = new LinkedHashMap<>();

	private final Map<String, Run> runsByIdempotencyKey = new HashMap<>();

	private final AtomicLong runNumbers = new AtomicLong(5000);

	public SimulatedRmm(Clock clock, Duration scriptDuration) {
		this.clock = clock;
		this.scriptDuration = scriptDuration;
	}

	@Override
	public String system() {
		return "simulator";
	}

	@Override
	public synchronized DeviceScope scopeOf(AlertContext alert) {
		if (alert.device() == null || alert.device().id() == null) {
			return DeviceScope.unknown("(none named)", system());
		}
		SimulatedDevice known = this.devices.get(alert.device().id());
		if (known == null) {
			device(alert);
			return new DeviceScope(true, "device " + alert.device().id() + " enrolled in simulated client "
					+ alert.tenant() + " by its first alert");
		}
		return known.owner.equals(alert.tenant())
				? new DeviceScope(true, "device " + known.id + " is in simulated client " + alert.tenant())
				: new DeviceScope(false, "device " + known.id + " is not in simulated client " + alert.tenant()
						+ " (tenant " + alert.tenant() + "'s)");
	}

	@Override
	public synchronized DeviceFacts deviceFacts(AlertContext alert) {
		SimulatedDevice device = device(alert);
		device.report(alert);
		return new DeviceFacts(device.id, device.hostname, device.online, device.os,
				this.clock.instant().minusSeconds(42).toString(), device.details());
	}

	@Override
	public synchronized ScriptRun runScript(AlertContext alert, String script, String idempotencyKey) {
		Run existing = this.runsByIdempotencyKey.get(idempotencyKey);
		if (existing != null) {
			return existing.view(this.clock.instant());
		}
		SimulatedDevice device = device(alert);
		Run run = new Run("SIM-RUN-" + this.runNumbers.incrementAndGet(), alert.tenant(), device, script,
				idempotencyKey, this.clock.instant(), this.clock.instant().plus(this.scriptDuration));
		this.runsById.put(run.runId, run);
		this.runsByIdempotencyKey.put(idempotencyKey, run);
		return run.view(this.clock.instant());
	}

	@Override
	public synchronized ScriptRun scriptRun(String tenant, String runId) {
		Run run = this.runsById.get(runId);
		if (run == null || !run.tenant.equals(tenant)) {
			return new ScriptRun(runId, ScriptRun.Status.FAILED, null, "no such script run");
		}
		return run.view(this.clock.instant());
	}

	@Override
	public synchronized Verification verify(AlertContext alert, String check) {
		return device(alert).check(check);
	}

	/** Every script run so far, oldest first, for the simulator's page. */
	public synchronized List<ScriptRunRecord> scriptRuns() {
		List<ScriptRunRecord> records = new ArrayList<>();
		for (Run run : this.runsById.values()) {
			ScriptRun view = run.view(this.clock.instant());
			records.add(new ScriptRunRecord(view.runId(), run.tenant, run.device.id, run.device.hostname, run.script,
					run.idempotencyKey, view.status().name(), view.exitCode(), view.output(), run.startedAt));
		}
		return records;
	}

	private SimulatedDevice device(AlertContext alert) {
		String id = (alert.device() != null) ? alert.device().id() : "unknown";
		return this.devices.computeIfAbsent(id, (key) -> new SimulatedDevice(alert));
	}

	/** A script run as the simulator page lists it. */
	public record ScriptRunRecord(String runId, String tenant, String deviceId, String hostname, String script,
			String idempotencyKey, String status, Integer exitCode, String output, Instant startedAt) {

	}

	private static final class Run {

		private final String runId;

		private final String tenant;

		private final SimulatedDevice device;

		private final String script;

		private final String idempotencyKey;

		private final Instant startedAt;

		private final Instant finishesAt;

		private ScriptRun outcome;

		Run(String runId, String tenant, SimulatedDevice device, String script, String idempotencyKey,
				Instant startedAt, Instant finishesAt) {
			this.runId = runId;
			this.tenant = tenant;
			this.device = device;
			this.script = script;
			this.idempotencyKey = idempotencyKey;
			this.startedAt = startedAt;
			this.finishesAt = finishesAt;
		}

		ScriptRun view(Instant now) {
			if (this.outcome == null && !now.isBefore(this.finishesAt)) {
				// The script's effect lands once, when the run finishes.
				this.outcome = this.device.run(this.runId, this.script);
			}
			return (this.outcome != null) ? this.outcome
					: new ScriptRun(this.runId, ScriptRun.Status.RUNNING, null, "running");
		}

	}

	private static final class SimulatedDevice {

		private final String id;

		private final String owner;

		private final String hostname;

		private final String os;

		private final boolean failsScripts;

		private final boolean ignoresScripts;

		private boolean online = true;

		private double diskFreePct = 42.0;

		private double cpuPct = 18.0;

		private boolean serviceStopped;

		private boolean pendingReboot;

		private boolean backupFailed;

		private int activeThreats;

		SimulatedDevice(AlertContext alert) {
			this.id = (alert.device() != null) ? alert.device().id() : "unknown";
			this.owner = alert.tenant();
			this.hostname = (alert.device() != null) ? alert.device().hostname() : "unknown";
			this.os = (alert.device() != null) ? alert.device().os() : "unknown";
			String marker = String.valueOf(this.hostname).toUpperCase(Locale.ROOT);
			this.failsScripts = marker.contains("SCRIPTFAIL");
			this.ignoresScripts = marker.contains("NOFIX");
		}

		/** The device's state follows what its alerts report. */
		void report(AlertContext alert) {
			String type = String.valueOf(alert.type());
			if (type.startsWith("disk")) {
				this.diskFreePct = alert.metrics().getOrDefault("diskFreePct", 4.0);
			}
			else if (type.contains("service") || type.contains("spooler")) {
				this.serviceStopped = true;
			}
			else if (type.startsWith("cpu")) {
				this.cpuPct = alert.metrics().getOrDefault("cpuPct", 97.0);
			}
			else if (type.contains("reboot")) {
				this.pendingReboot = true;
			}
			else if (type.startsWith("backup")) {
				this.backupFailed = true;
			}
			else if (type.contains("threat") || type.contains("malware")) {
				this.activeThreats = 1;
			}
			else if (type.contains("offline")) {
				this.online = false;
			}
		}

		ScriptRun run(String runId, String script) {
			if (this.failsScripts) {
				return new ScriptRun(runId, ScriptRun.Status.FAILED, 1, script + ": Access is denied.");
			}
			if (this.ignoresScripts) {
				return new ScriptRun(runId, ScriptRun.Status.SUCCEEDED, 0, script + ": completed, nothing to do");
			}
			String output = switch (String.valueOf(script)) {
				case "disk-cleanup" -> {
					double before = this.diskFreePct;
					this.diskFreePct = Math.min(95.0, this.diskFreePct + 30.0);
					yield String.format(Locale.ROOT,
							"Cleaned temp files, update cache and recycle bin: %.1f%% -> %.1f%% free", before,
							this.diskFreePct);
				}
				case "restart-service", "clear-print-spooler" -> {
					this.serviceStopped = false;
					yield "Service restarted and running";
				}
				case "restart-top-cpu-process" -> {
					this.cpuPct = 22.0;
					yield "Restarted the top CPU process";
				}
				case "scheduled-reboot" -> {
					this.pendingReboot = false;
					yield "Rebooted; back online after 94 s";
				}
				case "rerun-backup-job" -> {
					this.backupFailed = false;
					yield "Backup job rerun: completed";
				}
				case "antivirus-full-scan" -> {
					this.activeThreats = 0;
					yield "Full scan complete: 1 threat quarantined";
				}
				default -> null;
			};
			if (output == null) {
				return new ScriptRun(runId, ScriptRun.Status.FAILED, 2, "Unknown script " + script);
			}
			return new ScriptRun(runId, ScriptRun.Status.SUCCEEDED, 0, output);
		}

		Verification check(String check) {
			return switch (String.valueOf(check)) {
				case "disk-free-above-threshold" -> new Verification(this.diskFreePct >= 15.0,
						String.format(Locale.ROOT, "%.1f%% free (threshold 15%%)", this.diskFreePct));
				case "service-running" -> new Verification(!this.serviceStopped,
						this.serviceStopped ? "service still stopped" : "service running");
				case "cpu-below-threshold" -> new Verification(this.cpuPct < 85.0,
						String.format(Locale.ROOT, "CPU at %.0f%% (threshold 85%%)", this.cpuPct));
				case "no-pending-reboot" -> new Verification(!this.pendingReboot,
						this.pendingReboot ? "reboot still pending" : "no reboot pending");
				case "last-backup-succeeded" -> new Verification(!this.backupFailed,
						this.backupFailed ? "last backup failed" : "last backup succeeded");
				case "no-active-threats" ->
					new Verification(this.activeThreats == 0, this.activeThreats + " active threat(s)");
				default -> new Verification(false, "the simulator has no check named " + check);
			};
		}

		Map<String, String> details() {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("diskFreePct", String.format(Locale.ROOT, "%.1f", this.diskFreePct));
			details.put("cpuPct", String.format(Locale.ROOT, "%.0f", this.cpuPct));
			details.put("pendingReboot", String.valueOf(this.pendingReboot));
			return details;
		}

	}

}
