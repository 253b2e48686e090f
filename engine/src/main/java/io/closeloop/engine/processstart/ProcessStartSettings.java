package io.closeloop.engine.processstart;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alerts' processes are started from the outbox ({@code closeloop.process-start.*}).
 * Alerts are committed with their process start (a transactional outbox); a dispatcher
 * thread hands starts to the engine in the order the alerts came, waiting while it
 * cannot.
 *
 * @param batchSize starts handed to the engine in one go
 * @param inFlight start messages sent before waiting for the engine's answers
 * @param idleWait how long the dispatcher sleeps when nothing is due and nobody woke it
 * @param messageTtl how long the engine keeps a start message, and so refuses a repeat of
 * it, so that a start resent after a lost answer never makes a second instance: at least
 * twice {@code maxBackoff}
 * @param maxBackoff the longest pause between tries when the engine cannot take starts
 * @param maxResumes how many times a process lost with the embedded engine's memory is
 * started again before its alert is handed to a person
 * @param maxBacklog starts waiting in the outbox beyond which intake
 * ({@code POST /api/alerts}) answers 503 with {@code Retry-After}
 * @param maxBusyProcesses processes busy in the engine (started, not final, not waiting
 * for a technician) beyond which further starts wait in the outbox: an engine given more
 * than it can work on answers nothing in time, and its job workers starve. A real cluster
 * takes far more: raise it with the cluster's size
 * @param silentAfter on the embedded engine, how long a busy alert may go without any
 * step before its process is taken as lost and resumed (the in-memory engine can drop an
 * instance under heavy load): well beyond the longest step
 * @param stormIntakeRate new alerts per second from which intake counts as a storm and
 * comes first
 * @param maxBusyProcessesInStorm busy processes allowed while intake is a storm: taking
 * alerts in comes first, so that every sender gets its answer at once, and the outbox
 * holds the rest until the storm is over
 */
@ConfigurationProperties("closeloop.process-start")
public record ProcessStartSettings(@DefaultValue("200") int batchSize, @DefaultValue("32") int inFlight,
		@DefaultValue("PT1S") Duration idleWait, @DefaultValue("PT1M") Duration messageTtl,
		@DefaultValue("PT30S") Duration maxBackoff, @DefaultValue("3") int maxResumes,
		@DefaultValue("20000") int maxBacklog, @DefaultValue("50") int maxBusyProcesses,
		@DefaultValue("PT15M") Duration silentAfter, @DefaultValue("20") int stormIntakeRate,
		@DefaultValue("5") int maxBusyProcessesInStorm) {

	public ProcessStartSettings {
		if (batchSize < 1 || inFlight < 1 || maxResumes < 0 || maxBacklog < 1 || maxBusyProcesses < 1
				|| stormIntakeRate < 1 || maxBusyProcessesInStorm < 1) {
			throw new IllegalArgumentException("closeloop.process-start: batch-size, in-flight, max-backlog, "
					+ "max-busy-processes, storm-intake-rate and max-busy-processes-in-storm must be positive, "
					+ "max-resumes not negative");
		}
		if (messageTtl.compareTo(maxBackoff.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(
					"closeloop.process-start.message-ttl must be at least twice max-backoff, or a repeated start could be taken as new");
		}
	}

	/**
	 * How many processes may be busy in the engine while this many new alerts came in
	 * over the last second.
	 */
	public int maxBusyProcesses(long intakePerSecond) {
		return (intakePerSecond >= this.stormIntakeRate) ? Math.min(this.maxBusyProcessesInStorm, this.maxBusyProcesses)
				: this.maxBusyProcesses;
	}

}
