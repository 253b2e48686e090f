package io.closeloop.workers.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits, within a bound, for a run the connector started itself to finish: for
 * verification checks, which the workers need answered in one call. Remediation scripts
 * are not waited for here; the process polls them on a timer.
 */
public final class ScriptRunPoller {

	private final Clock clock;

	private final Duration interval;

	private final Duration timeout;

	/**
	 * @param interval the pause between two looks at the run
	 * @param timeout how long the run may take before waiting counts as an outage
	 */
	public ScriptRunPoller(Clock clock, Duration interval, Duration timeout) {
		this.clock = clock;
		this.interval = interval;
		this.timeout = timeout;
	}

	/**
	 * Looks at the run until it is no longer running.
	 * @param what names the run in the exception, e.g. {@code N-central check disk-free}
	 * @throws ConnectorException when the run is still going after the timeout
	 */
	public ScriptRun awaitEnd(String what, Supplier<ScriptRun> look) {
		Instant deadline = this.clock.instant().plus(this.timeout);
		ScriptRun run = look.get();
		while (run.status() == ScriptRun.Status.RUNNING) {
			if (!this.clock.instant().isBefore(deadline)) {
				throw new ConnectorException(what + " (run " + run.runId() + ") did not finish within " + this.timeout);
			}
			pause(what);
			run = look.get();
		}
		return run;
	}

	private void pause(String what) {
		try {
			Thread.sleep(this.interval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConnectorException("Interrupted while waiting for " + what);
		}
	}

}
