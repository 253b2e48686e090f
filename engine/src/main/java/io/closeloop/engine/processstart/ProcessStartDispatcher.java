package io.closeloop.engine.processstart;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertClassifier;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.zeebe.ProcessDeployer;
import io.closeloop.engine.zeebe.ProcessesDeployed;

/**
 * Hands the outbox's process starts to the engine, oldest alert first, on a thread of its
 * own: intake only commits the alert with its start and answers. Each round it has
 * {@link NewAlertCorrelation} correlate the new alerts (in the instance leading
 * correlation), asks {@link StartAdmission} how many may start, claims that many due
 * starts through {@link StartClaims} (so that of several instances each start is sent by
 * one), has {@link StartSender} send them and {@link StartRecorder} record the answers. A
 * start leaves the outbox only once the engine has taken it; while the engine cannot be
 * reached or is busy, starts wait and are tried again with growing pauses. Sending a
 * start again is harmless: its message id makes the engine refuse the repeat.
 */
@Component
class ProcessStartDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessStartDispatcher.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

	private static final Duration BUSY_WAIT = Duration.ofMillis(100);

	private final ProcessStartRepository starts;

	private final AlertRepository alerts;

	private final StartAdmission admission;

	private final AlertClassifier classifier;

	private final NewAlertCorrelation correlation;

	private final StartClaims claims;

	private final StartSender sender;

	private final StartRecorder recorder;

	private final ProcessDeployer deployer;

	private final TransactionTemplate transactions;

	private final ProcessStartSettings settings;

	private final Clock clock;

	private final Object signal = new Object();

	private boolean woken;

	private volatile boolean running;

	private volatile Thread thread;

	private Duration backoff = Duration.ZERO;

	/** Whether the last look found nothing due: only then does a new alert wake it. */
	private volatile boolean idle = true;

	ProcessStartDispatcher(ProcessStartRepository starts, AlertRepository alerts, StartAdmission admission,
			AlertClassifier classifier, NewAlertCorrelation correlation, StartClaims claims, StartSender sender,
			StartRecorder recorder, ProcessDeployer deployer, TransactionTemplate transactions,
			ProcessStartSettings settings, Clock clock) {
		this.starts = starts;
		this.alerts = alerts;
		this.admission = admission;
		this.classifier = classifier;
		this.correlation = correlation;
		this.claims = claims;
		this.sender = sender;
		this.recorder = recorder;
		this.deployer = deployer;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A new alert was committed with its start: it counts towards the intake rate, and
	 * wakes the dispatcher if it had nothing to do. A dispatcher waiting for room in the
	 * engine is not woken by each alert of a storm.
	 */
	void accepted() {
		this.admission.alertAccepted();
		if (this.idle) {
			wake();
		}
	}

	/** Something is due: look now rather than at the next idle wake-up. */
	void wake() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	/** The engine has (again) the processes: waiting starts may go at once. */
	@EventListener
	void processesDeployed(ProcessesDeployed deployed) {
		this.transactions.executeWithoutResult((tx) -> this.starts.allDueNow(this.clock.instant()));
		synchronized (this.signal) {
			this.backoff = Duration.ZERO;
		}
		wake();
	}

	@Override
	public void start() {
		this.running = true;
		Thread worker = new Thread(this::run, "process-start-dispatcher");
		worker.setDaemon(true);
		this.thread = worker;
		worker.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread worker = this.thread;
		if (worker != null) {
			worker.interrupt();
			try {
				worker.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try {
				Duration pause = dispatchDue();
				if (pause != null) {
					sleep(pause);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The database is unavailable, most likely; nothing was lost, the starts
				// are still in the outbox.
				log.warn("Could not dispatch process starts: {}", ex.toString());
				try {
					sleep(nextBackoff());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Sends one batch of due starts.
	 * @return how long to wait before the next batch, or {@code null} to go on at once
	 */
	Duration dispatchDue() throws InterruptedException {
		this.idle = false;
		// New alerts of every instance, in the instance leading correlation; also while
		// the engine is away, so the lease is renewed as it goes.
		this.correlation.correlateNew(this.settings.batchSize());
		if (!this.deployer.isDeployed()) {
			return this.settings.idleWait();
		}
		long room = this.admission.room();
		if (room <= 0) {
			// The engine has enough to do; the starts wait their turn.
			return BUSY_WAIT;
		}
		// From here, an alert committed after the look below wakes the next one.
		this.idle = true;
		List<ProcessStart> due = this.claims.claim((int) Math.min(room, this.settings.batchSize()));
		if (due.isEmpty()) {
			return this.settings.idleWait();
		}
		this.idle = false;
		Map<Long, Alert> alerts = alertsOf(due);
		if (classify(due, alerts)) {
			alerts = alertsOf(due);
		}
		List<SentStart> notTaken = this.recorder.record(this.sender.send(due, alerts));
		if (notTaken.isEmpty()) {
			synchronized (this.signal) {
				this.backoff = Duration.ZERO;
			}
			return null;
		}
		Duration pause = nextBackoff();
		this.recorder.retryLater(notTaken, pause);
		return pause;
	}

	/**
	 * Before a start, its alert is classified, once (a new alert was when it was
	 * correlated); returns whether any alert changed.
	 */
	private boolean classify(List<ProcessStart> due, Map<Long, Alert> alerts) {
		boolean changed = false;
		for (ProcessStart start : due) {
			Alert alert = alerts.get(start.getAlertId());
			if (alert != null && !alert.getStatus().isFinal() && alert.getClassification() == null) {
				changed = true;
				try {
					this.classifier.classify(alert);
				}
				catch (RuntimeException ex) {
					log.warn("Could not classify alert {}: {}", alert.getId(), ex.toString());
				}
			}
		}
		return changed;
	}

	private Map<Long, Alert> alertsOf(List<ProcessStart> due) {
		return this.alerts.findAllById(due.stream().map(ProcessStart::getAlertId).toList())
			.stream()
			.collect(Collectors.toMap(Alert::getId, Function.identity()));
	}

	private Duration nextBackoff() {
		synchronized (this.signal) {
			this.backoff = this.backoff.isZero() ? FIRST_BACKOFF : this.backoff.multipliedBy(2);
			if (this.backoff.compareTo(this.settings.maxBackoff()) > 0) {
				this.backoff = this.settings.maxBackoff();
			}
			return this.backoff;
		}
	}

	private void sleep(Duration pause) throws InterruptedException {
		synchronized (this.signal) {
			long deadline = System.nanoTime() + pause.toNanos();
			while (!this.woken && this.running) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				this.signal.wait(Math.max(1, left / 1_000_000));
			}
			this.woken = false;
		}
	}

}
