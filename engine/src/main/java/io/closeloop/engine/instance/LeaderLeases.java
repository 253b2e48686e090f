package io.closeloop.engine.instance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Makes leader leases, renews each one this instance holds every third of its length, and
 * gives up every one when the application stops.
 */
@Component
public class LeaderLeases implements DisposableBean, SchedulingConfigurer {

	/**
	 * The lease of the instance that leads correlation: whenever any instance runs, one
	 * of them holds it.
	 */
	public static final String CORRELATION = "alert-correlation";

	private final LockProvider leases;

	private final Clock clock;

	private final List<LeaderLease> made = new CopyOnWriteArrayList<>();

	LeaderLeases(LockProvider leases, Clock clock) {
		this.leases = leases;
		this.clock = clock;
	}

	public LeaderLease lease(String name, Duration lease) {
		LeaderLease made = new LeaderLease(this.leases, name, lease, this.clock);
		this.made.add(made);
		return made;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		for (LeaderLease lease : this.made) {
			Duration third = lease.lease().dividedBy(3);
			tasks.addFixedDelayTask(new FixedDelayTask(lease::keep, third, third));
		}
	}

	@Override
	public void destroy() {
		this.made.forEach(LeaderLease::release);
	}

}
