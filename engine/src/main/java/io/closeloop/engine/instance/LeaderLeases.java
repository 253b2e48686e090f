package io.closeloop.engine.instance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockProvider;

/** Makes leader leases, and gives up every one when the application stops. */
@Component
public class LeaderLeases implements DisposableBean {

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
	public void destroy() {
		this.made.forEach(LeaderLease::release);
	}

}
