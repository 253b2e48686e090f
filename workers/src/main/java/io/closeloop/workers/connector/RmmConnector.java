package io.closeloop.workers.connector;

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
