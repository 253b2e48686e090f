package io.closeloop.engine.zeebe;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.closeloop.engine.instance.LeaderLeases;

/**
 * The embedded engine's lease on the database ({@code embedded_engine_lease}): one row,
 * held by the instance whose embedded engine runs. The embedded engine keeps its state in
 * memory, so two of them on one database would each take the other's alerts for lost; an
 * instance whose lease another live instance holds refuses to start. The holder renews it
 * every third of {@code closeloop.zeebe.embedded.lease} and gives it up when it stops; an
 * instance killed keeps it until it runs out, unless it comes back under the same
 * {@code closeloop.instance.id}.
 */
public class EmbeddedEngineLease implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineLease.class);

	private static final String NAME = "embedded-engine";

	private final JdbcTemplate jdbc;

	private final String holder;

	private final Duration lease;

	private final Clock clock;

	private final LockProvider leases;

	private volatile String incarnation;

	EmbeddedEngineLease(JdbcTemplate jdbc, LockProvider leases, String holder, Duration lease, Clock clock) {
		this.jdbc = jdbc;
		this.leases = leases;
		this.holder = holder;
		this.lease = lease;
		this.clock = clock;
	}

	/**
	 * Takes the lease for this instance's engine, or refuses with what to do.
	 * @throws IllegalStateException when another live instance holds it
	 */
	void acquire(String incarnation) {
		refuseWhileAnotherInstanceLeads();
		Instant now = this.clock.instant();
		int taken = this.jdbc.update(
				"update embedded_engine_lease set holder = ?, incarnation = ?, expires_at = ?"
						+ " where name = ? and (holder = ? or expires_at < ?)",
				this.holder, incarnation, Timestamp.from(now.plus(this.lease)), NAME, this.holder, Timestamp.from(now));
		if (taken == 0) {
			try {
				this.jdbc.update(
						"insert into embedded_engine_lease (name, holder, incarnation, expires_at) values (?, ?, ?, ?)",
						NAME, this.holder, incarnation, Timestamp.from(now.plus(this.lease)));
			}
			catch (DuplicateKeyException ex) {
				throw refused();
			}
		}
		this.incarnation = incarnation;
		log.info("This instance ({}) holds the embedded engine's lease", this.holder);
	}

	/**
	 * Renews the lease, now for the engine named; the database being away does not stop
	 * the engine's replacement (the next renewal tries again).
	 */
	void renewQuietly(String incarnation) {
		this.incarnation = incarnation;
		renewQuietly();
	}

	private void renew() {
		Instant now = this.clock.instant();
		int renewed = this.jdbc.update(
				"update embedded_engine_lease set incarnation = ?, expires_at = ? where name = ? and holder = ?",
				this.incarnation, Timestamp.from(now.plus(this.lease)), NAME, this.holder);
		if (renewed == 0) {
			// Taken by another instance after this one failed to renew for a whole lease:
			// both embedded engines now think they own the database.
			log.error("The embedded engine's lease was taken by another instance: {}", refused().getMessage());
		}
	}

	/**
	 * Gives the lease up, so another instance (or this one, restarted) may take it at
	 * once.
	 */
	void release() {
		this.jdbc.update("delete from embedded_engine_lease where name = ? and holder = ?", NAME, this.holder);
	}

	/** Gives the lease up if the database answers; else it runs out by itself. */
	void releaseQuietly() {
		try {
			release();
		}
		catch (RuntimeException ex) {
			log.warn("Could not give up the embedded engine's lease (it runs out by itself): {}", ex.getMessage());
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		Duration every = this.lease.dividedBy(3);
		tasks.addFixedDelayTask(new FixedDelayTask(this::renewQuietly, every, every));
	}

	private void renewQuietly() {
		try {
			renew();
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the embedded engine's lease: {}", ex.getMessage());
		}
	}

	/**
	 * Instances in the cluster profile take no embedded engine lease, but while one runs
	 * some live instance holds the correlation leader's lease. An embedded engine started
	 * beside them would send the shared outbox's starts into its own memory and take the
	 * cluster's work for its own: it is refused. The leader's lease held by this
	 * instance's own id is its own, from before it was killed.
	 */
	private void refuseWhileAnotherInstanceLeads() {
		Optional<SimpleLock> free = this.leases.lock(new LockConfiguration(this.clock.instant(),
				LeaderLeases.CORRELATION, Duration.ofSeconds(5), Duration.ZERO));
		if (free.isPresent()) {
			free.get().unlock();
			return;
		}
		List<String> leader = this.jdbc.query("select locked_by from shedlock where name = ?",
				(row, n) -> row.getString(1), LeaderLeases.CORRELATION);
		if (!leader.isEmpty() && !this.holder.equals(leader.get(0))) {
			throw new IllegalStateException("Another Closeloop instance (" + leader.get(0)
					+ ") is running on this database and leads it; the embedded Zeebe engine is single-instance and"
					+ " cannot join instances on a Camunda 8 cluster. Start this instance in the cluster profile"
					+ " (closeloop.zeebe.embedded.enabled=false, with camunda.client.grpc-address pointing at the"
					+ " cluster). This instance is " + this.holder + " (closeloop.instance.id).");
		}
	}

	private IllegalStateException refused() {
		List<String> held = this.jdbc.query("select holder, expires_at from embedded_engine_lease where name = ?",
				(row, n) -> row.getString(1) + " (its lease runs until " + row.getTimestamp(2).toInstant() + ")", NAME);
		return new IllegalStateException("Another Closeloop instance runs the embedded Zeebe engine on this database: "
				+ (held.isEmpty() ? "unknown" : held.get(0)) + ". The embedded engine is single-instance; start this"
				+ " instance in the cluster profile (closeloop.zeebe.embedded.enabled=false, with"
				+ " camunda.client.grpc-address pointing at the Camunda 8 cluster), or stop the other instance. This"
				+ " instance is " + this.holder + " (closeloop.instance.id); one restarted under the id that holds"
				+ " the lease takes it back at once.");
	}

}
