package io.closeloop.engine.processstart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.IntakeSaturatedException;
import io.closeloop.engine.alert.ProcessStartQueue;

/**
 * The outbox as intake sees it: a new alert's start is written with the alert, and once
 * the alert is committed the dispatcher hears of it.
 */
@Component
class ProcessStartOutbox implements ProcessStartQueue {

	private static final Duration BACKLOG_REFRESH = Duration.ofMillis(500);

	private final ProcessStartRepository starts;

	private final ProcessStartDispatcher dispatcher;

	private final ProcessStartSettings settings;

	private final Clock clock;

	private volatile long backlog;

	private volatile Instant backlogCountedAt = Instant.EPOCH;

	ProcessStartOutbox(ProcessStartRepository starts, ProcessStartDispatcher dispatcher, ProcessStartSettings settings,
			Clock clock) {
		this.starts = starts;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void checkRoom() {
		long waiting = waiting();
		if (waiting >= this.settings.maxBacklog()) {
			throw new IntakeSaturatedException(waiting);
		}
	}

	@Override
	public void enqueue(Alert alert) {
		this.starts.save(new ProcessStart(alert.getId(), 1, "received", this.clock.instant()));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ProcessStartOutbox.this.dispatcher.accepted();
				}
			});
		}
		else {
			this.dispatcher.accepted();
		}
	}

	/**
	 * About how many starts wait; counted at most twice a second, so intake can ask on
	 * every request.
	 */
	@Override
	public long waiting() {
		Instant now = this.clock.instant();
		if (now.isAfter(this.backlogCountedAt.plus(BACKLOG_REFRESH))) {
			this.backlogCountedAt = now;
			this.backlog = this.starts.count();
		}
		return this.backlog;
	}

}
