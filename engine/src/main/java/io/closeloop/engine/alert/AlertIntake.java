package io.closeloop.engine.alert;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.workers.connector.TicketRef;

/**
 * Takes alerts in: stores each one with its process start in one transaction before
 * answering, and answers a vendor's retry with the alert it already has. The start waits
 * in the outbox until {@link ProcessStartDispatcher} hands it to the engine, so an
 * accepted alert is never lost to an engine that is down, busy or being replaced.
 */
@Service
public class AlertIntake {

	private final AlertRepository alerts;

	private final AlertEventRepository events;

	private final ProcessStartRepository starts;

	private final ProcessStartDispatcher dispatcher;

	private final ProcessStartSettings settings;

	private final ProcessStarter starter;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AlertIntake(AlertRepository alerts, AlertEventRepository events, ProcessStartRepository starts,
			ProcessStartDispatcher dispatcher, ProcessStartSettings settings, ProcessStarter starter,
			TransactionTemplate transactions, Clock clock) {
		this.clock = clock;
		this.alerts = alerts;
		this.events = events;
		this.starts = starts;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.starter = starter;
		this.transactions = transactions;
	}

	/**
	 * Stores the alert (or finds the one already stored) and queues its process start.
	 * @throws IntakeSaturatedException when so many starts wait that taking more would
	 * only make every alert late; the sender should retry later
	 */
	public Accepted accept(AlertRequest request) {
		return accept(request, null);
	}

	/**
	 * As {@link #accept(AlertRequest)}, for an alert raised by a PSA ticket: the process
	 * works on that ticket instead of opening one.
	 */
	Accepted accept(AlertRequest request, TicketRef originatingTicket) {
		long backlog = this.dispatcher.backlog();
		if (backlog >= this.settings.maxBacklog()) {
			throw new IntakeSaturatedException(backlog);
		}
		Accepted accepted;
		try {
			accepted = this.transactions.execute((tx) -> store(request, originatingTicket));
		}
		catch (DataIntegrityViolationException ex) {
			// The same alert arrived twice at once and the other request stored it first.
			Alert existing = this.alerts.findBySourceAndExternalId(request.source(), request.externalId())
				.orElseThrow(() -> ex);
			return new Accepted(existing, true);
		}
		if (!accepted.duplicate()) {
			this.dispatcher.accepted();
		}
		return accepted;
	}

	private Accepted store(AlertRequest request, TicketRef originatingTicket) {
		var existing = this.alerts.findBySourceAndExternalId(request.source(), request.externalId());
		if (existing.isPresent()) {
			this.events.save(new AlertEvent(existing.get().getId(), this.clock.instant(), "Duplicate received",
					"the source sent the same alert again; no second process started"));
			return new Accepted(existing.get(), true);
		}
		AlertRequest.Device device = request.device();
		Instant now = this.clock.instant();
		Alert alert = this.alerts.saveAndFlush(new Alert(request.tenant(), request.source(), request.externalId(),
				request.type(), request.severity(), request.message(), device.id(), device.hostname(), device.os(),
				device.role(), this.starter.metricsJson(request.metrics()), request.occurredAt(), now));
		if (originatingTicket != null) {
			alert.ticket(originatingTicket.system(), originatingTicket.id());
		}
		this.events.save(new AlertEvent(alert.getId(), now, "Received",
				"from " + request.source() + " (" + request.externalId() + ")"));
		// Correlated and started by the dispatcher, off this request's path: the answer
		// waits only for this commit.
		this.starts.save(new ProcessStart(alert.getId(), 1, "received", now, now));
		return new Accepted(alert, false);
	}

	/** The stored alert, and whether it had been stored before this request. */
	public record Accepted(Alert alert, boolean duplicate) {

	}

}
