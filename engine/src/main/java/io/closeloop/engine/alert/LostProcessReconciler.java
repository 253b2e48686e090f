package io.closeloop.engine.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.zeebe.EngineStateLost;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.journal.AlertStatus;

/**
 * When the embedded engine's memory is lost (the application restarted, or a dead engine
 * was replaced), the alerts whose processes ran in it would wait for ever. Each is
 * started again through the outbox and driven on from where it was: every RMM and PSA
 * action it already took is in the side-effect ledger with its result, so the new process
 * reads those results back instead of acting again, and an approval already given is
 * carried over. An alert lost more often than {@code max-resumes} goes to a person
 * instead.
 */
@Component
class LostProcessReconciler {

	private static final Logger log = LoggerFactory.getLogger(LostProcessReconciler.class);

	private static final Set<AlertStatus> FINAL = Arrays.stream(AlertStatus.values())
		.filter(AlertStatus::isFinal)
		.collect(Collectors.toCollection(() -> EnumSet.noneOf(AlertStatus.class)));

	private final AlertRepository alerts;

	private final ProcessStartRepository starts;

	private final AlertEventRepository events;

	private final AlertJournal journal;

	private final ProcessStartDispatcher dispatcher;

	private final ProcessStartSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemUTC();

	LostProcessReconciler(AlertRepository alerts, ProcessStartRepository starts, AlertEventRepository events,
			AlertJournal journal, ProcessStartDispatcher dispatcher, ProcessStartSettings settings,
			TransactionTemplate transactions) {
		this.alerts = alerts;
		this.starts = starts;
		this.events = events;
		this.journal = journal;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.transactions = transactions;
	}

	@EventListener
	void engineStateLost(EngineStateLost lost) {
		List<Alert> inFlight = this.alerts.findInFlight(FINAL);
		int resumed = 0;
		int escalated = 0;
		for (Alert alert : inFlight) {
			if (resume(alert, lost.why())) {
				resumed++;
			}
			else {
				escalated++;
			}
		}
		if (!inFlight.isEmpty()) {
			log.warn("{} alert(s) lost their process ({}): {} resumed, {} handed to a person", inFlight.size(),
					lost.why(), resumed, escalated);
			this.dispatcher.wake();
		}
	}

	/**
	 * Queues a new start of the alert's process, or hands the alert to a person when it
	 * was resumed too often; returns whether it was queued.
	 */
	boolean resume(Alert alert, String why) {
		int resumes = alert.getProcessGeneration() - 1;
		if (resumes >= this.settings.maxResumes()) {
			this.journal.status(alert.getId(), AlertStatus.ESCALATED,
					"Its process was lost (" + why + ") while it was " + alert.getStatus() + ", after " + resumes
							+ " resume(s) already; handle it by hand. Actions already taken are on its timeline.");
			return false;
		}
		int generation = alert.getProcessGeneration() + 1;
		String reason = "resumed after its process was lost while " + alert.getStatus();
		this.transactions.executeWithoutResult((tx) -> {
			Instant now = this.clock.instant();
			if (this.starts.existsById(alert.getId())) {
				return;
			}
			this.starts.save(new ProcessStart(alert.getId(), generation, reason, now, now));
			this.events.save(new AlertEvent(alert.getId(), now, "Process lost", why + "; it will be started again from "
					+ "the start, and the steps already done are read back from the ledger, not done again"));
		});
		return true;
	}

}
