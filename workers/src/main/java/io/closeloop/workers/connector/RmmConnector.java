package io.closeloop.workers.connector;

import java.util.Optional;

/**
 * What the workers need from a remote monitoring and management tool. Implementations
 * speak one vendor's API; the simulator stands in for one on the embedded default.
 */
public interface RmmConnector {

	/**
	 * A short name for the system, shown in timelines and tickets ({@code simulator},
	 * {@code datto-rmm}).
	 */
	String system();

	/**
	 * Whether the device the alert names belongs to the alert's tenant, as the RMM
	 * reports it. Asked before anything is read from or done to the device; an alert that
	 * names no device, or a device the RMM does not know, is out of scope.
	 */
	DeviceScope scopeOf(AlertContext alert);

	/**
	 * Why this RMM cannot run a script for the tenant through its API, or empty when it
	 * can. An RMM that cannot has every proposed fix handed to a person (the decision
	 * takes this as a fact), so {@link #runScript} and {@link #verify} are never reached
	 * for it.
	 */
	default Optional<String> scriptsUnavailable(String tenant) {
		return Optional.empty();
	}

	/** What the RMM knows of the device the alert is about. */
	DeviceFacts deviceFacts(AlertContext alert);

	/**
	 * Starts a script on the device. Scripts run asynchronously: the returned run is
	 * usually still running, and {@link #scriptRun} reports its progress.
	 * @param idempotencyKey identifies this request; the same key must never start a
	 * second run
	 */
	ScriptRun runScript(AlertContext alert, String script, String idempotencyKey);

	/** The current state of a run started by {@link #runScript}. */
	ScriptRun scriptRun(String tenant, String runId);

	/**
	 * Runs a verification check on the device, e.g. that free disk space is above its
	 * threshold.
	 */
	Verification verify(AlertContext alert, String check);

}
