package io.closeloop.engine.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.camunda.client.api.command.ClientStatusException;
import io.closeloop.engine.correlation.AlertCorrelator;
import io.closeloop.engine.zeebe.ProcessDeployer;
import io.closeloop.engine.zeebe.ProcessesDeployed;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.journal.AlertStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Hands the outbox's process starts to the engine, oldest alert first, on a thread of its
 * own: intake only commits the alert with its start and answers. A start leaves the
 * outbox only once the engine has taken it; while the engine cannot be reached or is
 * busy, starts wait and are tried again with growing pauses. Sending a start again is
 * harmless: its message id makes the engine refuse the repeat.
 */
@Component
class ProcessStartDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessStartDispatcher.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

	private static final Duration BACKLOG_REFRESH = Duration.ofMillis(500);

	private static final Duration BUSY_WAIT = Duration.ofMillis(100);

	private static final Set<AlertStatus> BUSY = EnumSet.of(AlertStatus.RECEIVED, AlertStatus.REMEDIATING,
			AlertStatus.VERIFYING);

	private final ProcessStartRepository starts;

	private final AlertRepository alerts;

	private final AlertEventRepository events;

	private final ProcessStarter starter;

	private final ProcessDeployer deployer;

	private final AlertJournal journal;

	private final AlertCorrelator correlator;

	private final TransactionTemplate transactions;

	private final ProcessStartSettings settings;

	private final Clock clock;

	private final Object signal = new Object();

	private boolean woken;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile long backlog;

	private volatile Instant backlogCountedAt = Instant.EPOCH;

	private Duration backoff = Duration.ZERO;

	private final IntakeRate intakeRate = new IntakeRate();

	/** Whether the last look found nothing due: only then does a new alert wake it. */
	private volatile boolean idle = true;

	ProcessStartDispatcher(ProcessStartRepository starts, AlertRepository alerts, AlertEventRepository events,
			ProcessStarter starter, ProcessDeployer deployer, AlertJournal journal, AlertCorrelator correlator,
			TransactionTemplate transactions, ProcessStartSettings settings, Clock clock) {
		this.clock = clock;
		this.correlator = correlator;
		this.starts = starts;
		this.alerts = alerts;
		this.events = events;
		this.starter = starter;
		this.deployer = deployer;
		this.journal = journal;
		this.transactions = transactions;
		this.settings = settings;
	}

	/**
	 * A new alert was committed with its start: it counts towards the intake rate, and
	 * wakes the dispatcher if it had nothing to do. A dispatcher waiting for room in the
	 * engine is not woken by each alert of a storm.
	 */
	void accepted() {
		this.intakeRate.record();
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

	/**
	 * About how many starts wait in the outbox; counted at most twice a second, so intake
	 * can ask on every request.
	 */
	long backlog() {
		Instant now = this.clock.instant();
		if (now.isAfter(this.backlogCountedAt.plus(BACKLOG_REFRESH))) {
			this.backlogCountedAt = now;
			this.backlog = this.starts.count();
		}
		return this.backlog;
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
		if (!this.deployer.isDeployed()) {
			return this.settings.idleWait();
		}
		// While a storm comes in, intake comes first: fewer processes run, and the
		// starts wait in the outbox until it is over.
		long room = maxBusyNow() - this.alerts.countBusy(BUSY);
		if (room <= 0) {
			// The engine has enough to do; the starts wait their turn.
			return BUSY_WAIT;
		}
		// From here, an alert committed after the look below wakes the next one.
		this.idle = true;
		Instant now = this.clock.instant();
		List<ProcessStart> due = this.starts.findByDueAtLessThanEqualOrderByAlertIdAsc(now,
				PageRequest.of(0, (int) Math.min(room, this.settings.batchSize())));
		if (due.isEmpty()) {
			return this.settings.idleWait();
		}
		this.idle = false;
		Map<Long, Alert> byId = alertsOf(due);
		if (correlate(due, byId)) {
			// Correlation may have linked them to an incident or an earlier alert.
			byId = alertsOf(due);
		}
		List<Sent> sent = send(due, byId);
		List<Sent> failed = record(sent);
		if (failed.isEmpty()) {
			synchronized (this.signal) {
				this.backoff = Duration.ZERO;
			}
			return null;
		}
		Duration pause = nextBackoff();
		String error = rootMessage(failed.get(0).error());
		log.warn("The engine did not take {} process start(s) ({}); trying again in {}", failed.size(), error, pause);
		this.transactions.executeWithoutResult((tx) -> {
			for (Sent attempt : failed) {
				this.starts.findById(attempt.start().getAlertId())
					.ifPresent((stored) -> stored.failed(rootMessage(attempt.error()), this.clock.instant(), pause));
			}
		});
		return pause;
	}

	/** How many processes may be busy now, by the intake rate of the last second. */
	int maxBusyNow() {
		return this.settings.maxBusyProcesses(this.intakeRate.lastSecond());
	}

	private Map<Long, Alert> alertsOf(List<ProcessStart> due) {
		return this.alerts.findAllById(due.stream().map(ProcessStart::getAlertId).toList())
			.stream()
			.collect(Collectors.toMap(Alert::getId, Function.identity()));
	}

	/**
	 * Correlates the new alerts among the starts, in the order they came, once each;
	 * returns whether any was.
	 */
	private boolean correlate(List<ProcessStart> due, Map<Long, Alert> byId) {
		boolean any = false;
		for (ProcessStart start : due) {
			if (start.isCorrelated()) {
				continue;
			}
			Alert alert = byId.get(start.getAlertId());
			if (alert != null && !alert.getStatus().isFinal()) {
				try {
					this.correlator.correlate(alert);
				}
				catch (RuntimeException ex) {
					// Correlation groups alerts; without it each alert is still handled
					// on
					// its own.
					log.warn("Could not correlate alert {}: {}", alert.getId(), ex.toString());
				}
			}
			this.starts.correlated(start.getAlertId());
			any = true;
		}
		return any;
	}

	private List<Sent> send(List<ProcessStart> due, Map<Long, Alert> byId) throws InterruptedException {
		List<Sent> sent = new ArrayList<>(due.size());
		for (ProcessStart start : due) {
			Alert alert = byId.get(start.getAlertId());
			CompletableFuture<?> answer = (alert == null || alert.getStatus().isFinal())
					? CompletableFuture.completedFuture(null) : startOrFail(alert, start.getGeneration());
			sent.add(new Sent(start, alert, answer));
			if (sent.size() >= this.settings.inFlight()) {
				await(sent.get(sent.size() - this.settings.inFlight()).answer());
			}
		}
		for (Sent attempt : sent) {
			await(attempt.answer());
		}
		return sent;
	}

	private CompletableFuture<?> startOrFail(Alert alert, int generation) {
		try {
			return this.starter.start(alert, generation);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Records what the engine answered: taken starts leave the outbox, refused ones hand
	 * their alert to a person; returns the ones to try again.
	 */
	private List<Sent> record(List<Sent> sent) {
		List<Sent> taken = new ArrayList<>();
		List<Sent> refused = new ArrayList<>();
		List<Sent> failed = new ArrayList<>();
		for (Sent attempt : sent) {
			Throwable error = attempt.error();
			if (error == null || isRepeat(error)) {
				taken.add(attempt);
			}
			else if (isRefusal(error)) {
				refused.add(attempt);
			}
			else {
				failed.add(attempt);
			}
		}
		this.transactions.executeWithoutResult((tx) -> {
			Instant now = this.clock.instant();
			for (Sent attempt : taken) {
				ProcessStart start = attempt.start();
				this.starts.deleteById(start.getAlertId());
				if (attempt.alert() != null && !attempt.alert().getStatus().isFinal()) {
					this.alerts.processStarted(start.getAlertId(), start.getGeneration());
					this.events.save(new AlertEvent(start.getAlertId(), now, "Process started",
							(start.getGeneration() == 1) ? "the engine took the alert"
									: "start " + start.getGeneration() + ": " + start.getReason()));
				}
			}
			for (Sent attempt : refused) {
				this.starts.deleteById(attempt.start().getAlertId());
				this.journal.status(attempt.start().getAlertId(), AlertStatus.ESCALATED,
						"The engine refused to start its process: " + rootMessage(attempt.error()));
			}
		});
		if (!refused.isEmpty()) {
			log.error("The engine refused {} process start(s): {}", refused.size(),
					rootMessage(refused.get(0).error()));
		}
		return failed;
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

	private static void await(CompletableFuture<?> answer) throws InterruptedException {
		try {
			answer.get();
		}
		catch (ExecutionException ex) {
			// Looked at by record().
		}
	}

	/** The engine already has this start: an earlier send whose answer was lost. */
	private static boolean isRepeat(Throwable error) {
		return statusOf(error) == Status.Code.ALREADY_EXISTS;
	}

	/**
	 * The engine will not take this start however often it is sent, e.g. the process is
	 * not deployed in a form that can start from the message.
	 */
	private static boolean isRefusal(Throwable error) {
		Status.Code code = statusOf(error);
		return code == Status.Code.INVALID_ARGUMENT || code == Status.Code.FAILED_PRECONDITION;
	}

	private static Status.Code statusOf(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClientStatusException status) {
				return status.getStatusCode();
			}
			if (cause instanceof StatusRuntimeException status) {
				return status.getStatus().getCode();
			}
		}
		return null;
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while ((root instanceof CompletionException || root instanceof ExecutionException) && root.getCause() != null) {
			root = root.getCause();
		}
		return (root != null) ? String.valueOf(root.getMessage()) : "";
	}

	/** One start sent, with the alert it was for and the engine's answer. */
	private record Sent(ProcessStart start, Alert alert, CompletableFuture<?> answer) {

		Throwable error() {
			if (!this.answer.isCompletedExceptionally()) {
				return null;
			}
			try {
				this.answer.join();
				return null;
			}
			catch (CompletionException ex) {
				return (ex.getCause() != null) ? ex.getCause() : ex;
			}
			catch (RuntimeException ex) {
				return ex;
			}
		}

	}

}
