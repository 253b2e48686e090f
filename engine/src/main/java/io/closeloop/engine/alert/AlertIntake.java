package io.closeloop.engine.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.correlation.AlertCorrelator;
import io.closeloop.workers.journal.AlertStatus;

/**
 * Takes alerts in: stores each one before answering, answers a vendor's retry with the
 * alert it already has, and starts the process for it. An alert whose process could not
 * be started (the engine was down) is kept and started later by {@link #startPending()}.
 */
@Service
class AlertIntake {

	private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

	/**
	 * Leaves a just-received alert to the request that received it before the retrier
	 * picks it up.
	 */
	private static final Duration PENDING_GRACE = Duration.ofSeconds(15);

	private static final String WAITING = "Waiting for the engine";

	private final AlertRepository alerts;

	private final AlertEventRepository events;

	private final ProcessStarter starter;

	private final TransactionTemplate transactions;

	private final AlertCorrelator correlator;

	private final Clock clock;

	AlertIntake(AlertRepository alerts, AlertEventRepository events, ProcessStarter starter,
			TransactionTemplate transactions, AlertCorrelator correlator) {
		this.correlator = correlator;
		this.alerts = alerts;
		this.events = events;
		this.starter = starter;
		this.transactions = transactions;
		this.clock = Clock.systemUTC();
	}

	/** Stores the alert (or finds the one already stored) and starts its process. */
	Accepted accept(AlertRequest request) {
		Accepted accepted;
		try {
			accepted = this.transactions.execute((tx) -> store(request));
		}
		catch (DataIntegrityViolationException ex) {
			// The same alert arrived twice at once and the other request stored it first.
			Alert existing = this.alerts.findBySourceAndExternalId(request.source(), request.externalId())
				.orElseThrow(() -> ex);
			return new Accepted(existing, true);
		}
		if (!accepted.duplicate()) {
			correlate(accepted.alert());
			startProcess(accepted.alert());
		}
		return accepted;
	}

	private Accepted store(AlertRequest request) {
		var existing = this.alerts.findBySourceAndExternalId(request.source(), request.externalId());
		if (existing.isPresent()) {
			this.events.save(new AlertEvent(existing.get().getId(), this.clock.instant(), "Duplicate received",
					"the source sent the same alert again; no second process started"));
			return new Accepted(existing.get(), true);
		}
		AlertRequest.Device device = request.device();
		Alert alert = this.alerts
			.saveAndFlush(new Alert(request.tenant(), request.source(), request.externalId(), request.type(),
					request.severity(), request.message(), device.id(), device.hostname(), device.os(), device.role(),
					this.starter.metricsJson(request.metrics()), request.occurredAt(), this.clock.instant()));
		this.events.save(new AlertEvent(alert.getId(), this.clock.instant(), "Received",
				"from " + request.source() + " (" + request.externalId() + ")"));
		return new Accepted(alert, false);
	}

	private void correlate(Alert alert) {
		try {
			this.correlator.correlate(alert);
		}
		catch (RuntimeException ex) {
			// Correlation groups alerts; without it each alert is still handled on its
			// own.
			log.warn("Could not correlate alert {}: {}", alert.getId(), ex.toString());
		}
	}

	private void startProcess(Alert stored) {
		long key;
		// Read again: correlation may have linked it to an incident or an earlier alert.
		Alert alert = this.alerts.findById(stored.getId()).orElse(stored);
		try {
			key = this.starter.start(alert);
		}
		catch (RuntimeException ex) {
			log.warn("Could not start the process for alert {} yet: {}", alert.getId(), ex.getMessage());
			if (!this.events.existsByAlertIdAndStep(alert.getId(), WAITING)) {
				this.events.save(new AlertEvent(alert.getId(), this.clock.instant(), WAITING,
						"the process engine could not be reached; the alert is kept and started when it can be"));
			}
			return;
		}
		this.transactions.executeWithoutResult((tx) -> {
			this.alerts.processStarted(alert.getId(), key);
			this.events.save(new AlertEvent(alert.getId(), this.clock.instant(), "Process started", "instance " + key));
		});
	}

	/**
	 * Starts processes for alerts stored while the engine could not be reached, oldest
	 * first.
	 */
	@Scheduled(fixedDelayString = "${closeloop.intake.pending-retry-interval:PT10S}")
	void startPending() {
		List<Alert> pending = this.alerts.findByStatusAndProcessInstanceKeyIsNullAndReceivedAtBeforeOrderByIdAsc(
				AlertStatus.RECEIVED, this.clock.instant().minus(PENDING_GRACE), PageRequest.of(0, 100));
		for (Alert alert : pending) {
			startProcess(alert);
		}
	}

	/** The stored alert, and whether it had been stored before this request. */
	record Accepted(Alert alert, boolean duplicate) {

	}

}
