package io.closeloop.engine.atera;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.closeloop.engine.alert.AlertIntake;
import io.closeloop.engine.instance.SingletonTasks;
import io.closeloop.engine.alert.AlertRequest;
import io.closeloop.engine.alert.IntakeSaturatedException;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.atera.AteraAlertFeed;
import io.closeloop.workers.connector.webhook.InboundAlert;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Takes Atera's open alerts in, when Atera is an RMM some tenant uses: Atera sends no
 * webhook for alerts, so Closeloop asks every {@code closeloop.rmm.atera.poll-interval}.
 * Each poll reads every open alert (Atera's list has no "since"), and hands to intake
 * only those Closeloop does not hold yet, through the same path as {@code POST
 * /api/alerts}: an Atera alert becomes one Closeloop alert however often it is read,
 * across restarts too, because what is held is in the database.
 * <p>
 * An Atera that cannot be read (5xx, timeouts, 429s beyond what a request waits) is
 * waited out: the poll hands in nothing more, and the next one reads everything again, so
 * an alert not taken in this time is taken in next time. Intake that is full stops the
 * poll the same way.
 * <p>
 * Every instance schedules the poll; at each turn the instance that takes the poll's
 * lease ({@value #LEASE}) runs it and the others skip the turn. Should two ever run at
 * once, each alert would still be made once (intake deduplicates), only with twice the
 * requests.
 */
@Component
class AteraAlertPoll implements SchedulingConfigurer {

	static final String LEASE = "atera-alert-poll";

	private static final Logger log = LoggerFactory.getLogger(AteraAlertPoll.class);

	private final ObjectProvider<AteraAlertFeed> feeds;

	private final AlertIntake intake;

	private final Validator validator;

	private final SingletonTasks singletons;

	/**
	 * How many unmapped open alerts the last poll that read Atera saw; for the log only.
	 */
	private volatile int lastUnmapped;

	AteraAlertPoll(ObjectProvider<AteraAlertFeed> feeds, AlertIntake intake, Validator validator,
			SingletonTasks singletons) {
		this.feeds = feeds;
		this.intake = intake;
		this.validator = validator;
		this.singletons = singletons;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		AteraAlertFeed feed = this.feeds.getIfAvailable();
		if (feed != null) {
			// The first poll one interval after the start, when the application is up.
			// Every instance schedules it; one of them polls at each turn, under a lease.
			tasks.addFixedDelayTask(new FixedDelayTask(this::pollInTurn, feed.pollInterval(), feed.pollInterval()));
		}
	}

	/**
	 * Polls unless another instance holds the poll's lease now.
	 * @return whether this instance polled
	 */
	boolean pollInTurn() {
		AteraAlertFeed feed = this.feeds.getIfAvailable();
		return (feed != null) && this.singletons.runOnceEvery(LEASE, feed.pollInterval(), this::poll);
	}

	/** One poll: reads Atera's open alerts and hands in the new ones. */
	Outcome poll() {
		AteraAlertFeed feed = this.feeds.getIfAvailable();
		if (feed == null) {
			return Outcome.unread("Atera is no tenant's RMM");
		}
		AteraAlertFeed.OpenAlerts read;
		try {
			read = feed.openAlerts();
		}
		catch (ConnectorException | VendorRejectedException ex) {
			log.warn("Atera poll: open alerts could not be read ({}); the next poll reads them again", ex.getMessage());
			return Outcome.unread(ex.getMessage());
		}
		int taken = 0;
		int held = 0;
		int refused = 0;
		for (InboundAlert alert : read.alerts()) {
			if (this.intake.holds(alert.tenant(), alert.source(), alert.externalId())) {
				held++;
				continue;
			}
			AlertRequest request = AlertRequest.of(alert);
			Set<ConstraintViolation<AlertRequest>> violations = this.validator.validate(request);
			if (!violations.isEmpty()) {
				refused++;
				log.error("Atera poll: alert {} cannot be taken in: {}", alert.externalId(),
						violations.stream()
							.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
							.sorted()
							.toList());
				continue;
			}
			try {
				this.intake.accept(request);
				taken++;
			}
			catch (IntakeSaturatedException ex) {
				log.warn("Atera poll: intake is full after {} new alert(s); the next poll hands in the rest", taken);
				return new Outcome(true, taken, held, refused, read.unmapped(), ex.getMessage());
			}
		}
		if (taken > 0) {
			log.info("Atera poll: {} new alert(s) taken in, {} already held", taken, held);
		}
		// Said once per change, not every minute.
		if (read.unmapped() != this.lastUnmapped) {
			this.lastUnmapped = read.unmapped();
			if (read.unmapped() > 0) {
				log.warn("Atera poll: {} open alert(s) of customers mapped to no tenant are not taken in"
						+ " (closeloop.rmm.atera.customers)", read.unmapped());
			}
		}
		String note = read.complete() ? null
				: "stopped at closeloop.rmm.atera.max-pages after " + read.pages() + " page(s)";
		if (note != null) {
			log.warn("Atera poll {}: open alerts beyond them are not taken in", note);
		}
		return new Outcome(true, taken, held, refused, read.unmapped(), note);
	}

	/**
	 * What one poll did.
	 *
	 * @param read whether Atera's open alerts were read
	 * @param taken alerts handed to intake
	 * @param held alerts Closeloop already held
	 * @param refused alerts intake cannot take (logged)
	 * @param unmapped open alerts of customers mapped to no tenant
	 * @param note why the poll stopped short, or null
	 */
	record Outcome(boolean read, int taken, int held, int refused, int unmapped, String note) {

		static Outcome unread(String why) {
			return new Outcome(false, 0, 0, 0, 0, why);
		}

	}

}
