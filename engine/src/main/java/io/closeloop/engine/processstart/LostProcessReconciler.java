package io.closeloop.engine.processstart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.alert.JpaAlertJournal;
import io.closeloop.engine.instance.SingletonTasks;
import io.closeloop.engine.zeebe.EngineStateLost;
import io.closeloop.engine.zeebe.EngineWatchdog;
import io.closeloop.rules.AlertStatus;

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

	private final AlertRepository alerts;

	private final ProcessStartRepository starts;

	private final JpaAlertJournal journal;

	private final ProcessStartDispatcher dispatcher;

	private final ProcessStartSettings settings;

	private final TransactionTemplate transactions;

	private final EngineWatchdog watchdog;

	private final SingletonTasks singletons;

	private final Duration silenceCheckInterval;

	private final Clock clock;

	LostProcessReconciler(AlertRepository alerts, ProcessStartRepository starts, JpaAlertJournal journal,
			ProcessStartDispatcher dispatcher, ProcessStartSettings settings, TransactionTemplate transactions,
			EngineWatchdog watchdog, SingletonTasks singletons,
			@Value("${closeloop.process-start.silence-check-interval:PT1M}") Duration silenceCheckInterval,
			Clock clock) {
		this.clock = clock;
		this.singletons = singletons;
		this.silenceCheckInterval = silenceCheckInterval;
		this.watchdog = watchdog;
		this.alerts = alerts;
		this.starts = starts;
		this.journal = journal;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.transactions = transactions;
	}

	@EventListener
	void engineStateLost(EngineStateLost lost) {
		List<Alert> inFlight = this.alerts.findInFlightLostOn(AlertStatus.FINAL, lost.incarnation());
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
	 * The embedded engine can also drop a single instance (its in-memory store is not
	 * built for this load): an alert busy in the engine of which nothing was heard for
	 * {@code silent-after} is taken as lost and resumed like the rest. Only on the
	 * embedded engine: on a cluster a stuck instance is an incident an operator sees in
	 * Operate.
	 */
	@Scheduled(fixedDelayString = "${closeloop.process-start.silence-check-interval:PT1M}",
			initialDelayString = "${closeloop.process-start.silence-check-interval:PT1M}")
	void resumeSilentOnEmbeddedEngine() {
		if (this.watchdog.isEmbedded()) {
			this.singletons.runOnceEvery("silent-process-sweep", this.silenceCheckInterval,
					() -> resumeSilentSince(this.clock.instant().minus(this.settings.silentAfter())));
		}
	}

	/** Resumes the busy alerts of which nothing was heard since the cutoff. */
	int resumeSilentSince(Instant cutoff) {
		List<Alert> silent = this.alerts.findSilentSince(AlertStatus.BUSY, cutoff, PageRequest.of(0, 100));
		for (Alert alert : silent) {
			resume(alert, "nothing was heard of its process since " + cutoff);
		}
		if (!silent.isEmpty()) {
			log.warn("{} alert(s) silent since {} were taken as lost and resumed", silent.size(), cutoff);
			this.dispatcher.wake();
		}
		return silent.size();
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
			this.starts.save(new ProcessStart(alert.getId(), generation, reason, now));
			this.journal.step(alert.getId(), "Process lost", why + "; it will be started again from "
					+ "the start, and the steps already done are read back from the ledger, not done again");
		});
		return true;
	}

}
