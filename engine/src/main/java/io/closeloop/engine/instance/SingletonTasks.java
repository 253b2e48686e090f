package io.closeloop.engine.instance;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Runs a scheduled task's body in one instance at a time. Every instance schedules the
 * task; at each turn the one that takes the task's ShedLock lease runs it, the others
 * skip that turn. The lease is kept until at least {@code atLeastFor} after it was taken
 * (ShedLock counts from the start, not from the end of the body), so the other instances'
 * turns that fall within it are skipped too, not run again.
 */
@Component
public class SingletonTasks {

	private final LockProvider leases;

	private final Clock clock;

	SingletonTasks(LockProvider leases, Clock clock) {
		this.leases = leases;
		this.clock = clock;
	}

	/**
	 * Runs the body unless another instance holds the task's lease; returns whether it
	 * ran here.
	 * @param name the task's lease, one per task
	 * @param atMostFor how long the lease outlives an instance that died running it
	 * @param atLeastFor how long after it was taken the lease is kept, however soon the
	 * body returned
	 */
	public boolean runOnce(String name, Duration atMostFor, Duration atLeastFor, Runnable body) {
		LockConfiguration lease = new LockConfiguration(this.clock.instant(), name, atMostFor,
				min(atLeastFor, atMostFor));
		Optional<SimpleLock> held = this.leases.lock(lease);
		if (held.isEmpty()) {
			return false;
		}
		try {
			body.run();
		}
		finally {
			held.get().unlock();
		}
		return true;
	}

	/**
	 * For a task every instance runs every {@code interval}: its lease is kept for nine
	 * tenths of the interval from the turn that took it, so whatever the instances'
	 * timers' phases, the task runs about once an interval, not once per instance.
	 */
	public boolean runOnceEvery(String name, Duration interval, Runnable body) {
		Duration atMostFor = max(interval.multipliedBy(5), Duration.ofMinutes(5));
		return runOnce(name, atMostFor, interval.multipliedBy(9).dividedBy(10), body);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
