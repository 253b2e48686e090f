package io.closeloop.engine.instance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * A ShedLock lease held for as long as its instance keeps asking: the instance that holds
 * it leads in what it names, the others wait. The leader renews it whenever a third of it
 * has passed; a leader that dies or stops asking loses it when it runs out, and the next
 * instance to ask takes it. Each taking starts a new term, so the new leader knows to
 * rebuild what it keeps in memory from the database.
 */
public final class LeaderLease {

	private static final Logger log = LoggerFactory.getLogger(LeaderLease.class);

	private final LockProvider leases;

	private final String name;

	private final Duration lease;

	private final Clock clock;

	private SimpleLock held;

	private Instant renewedAt;

	private long term;

	LeaderLease(LockProvider leases, String name, Duration lease, Clock clock) {
		this.leases = leases;
		this.name = name;
		this.lease = lease;
		this.clock = clock;
	}

	/**
	 * Leads now if this instance can: renews the lease it holds, or takes it when it is
	 * free. Returns the term this instance leads in (a new number each time it takes the
	 * lease), or 0 when another instance leads.
	 */
	public synchronized long lead() {
		Instant now = this.clock.instant();
		if (this.held != null) {
			if (now.isBefore(this.renewedAt.plus(this.lease.dividedBy(3)))) {
				return this.term;
			}
			Optional<SimpleLock> renewed = this.held.extend(this.lease, Duration.ZERO);
			if (renewed.isPresent()) {
				this.held = renewed.get();
				this.renewedAt = now;
				return this.term;
			}
			log.warn("Lost the {} lease (not renewed within {}); another instance may lead now", this.name, this.lease);
			this.held = null;
		}
		Optional<SimpleLock> taken = this.leases.lock(new LockConfiguration(now, this.name, this.lease, Duration.ZERO));
		if (taken.isEmpty()) {
			return 0;
		}
		this.held = taken.get();
		this.renewedAt = now;
		this.term++;
		log.info("This instance leads {} now (term {})", this.name, this.term);
		return this.term;
	}

	/** Gives the lease up at once, e.g. when the application stops. */
	public synchronized void release() {
		if (this.held != null) {
			this.held.unlock();
			this.held = null;
		}
	}

}
