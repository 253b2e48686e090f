package io.closeloop.engine.alert;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.rules.AlertStatus;
import io.closeloop.workers.connector.TicketRef;

/**
 * Takes alerts in, from the API and the vendor webhooks alike: stores each one with its
 * process start in one transaction before answering, and answers a vendor's retry with
 * the alert it already has. The start waits in the outbox until the dispatcher hands it
 * to the engine, so an accepted alert is never lost to an engine that is down, busy or
 * being replaced. Nor to its size or a field it left out: each is made to fit first
 * ({@link FittedAlert}), and what was changed is the first step of its timeline.
 */
@Service
public class AlertIntake {

	private final AlertRepository alerts;

	private final FullMessageRepository fullMessages;

	private final JpaAlertJournal journal;

	private final ProcessStartQueue starts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AlertIntake(AlertRepository alerts, FullMessageRepository fullMessages, JpaAlertJournal journal,
			ProcessStartQueue starts, TransactionTemplate transactions, Clock clock) {
		this.alerts = alerts;
		this.fullMessages = fullMessages;
		this.journal = journal;
		this.starts = starts;
		this.transactions = transactions;
		this.clock = clock;
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
	 * As {@link #accept(AlertRequest)}, for an alert raised by a ticket of the PSA
	 * Closeloop works in: the process works on that ticket instead of opening one.
	 */
	public Accepted accept(AlertRequest request, TicketRef originatingTicket) {
		this.starts.checkRoom();
		try {
			return this.transactions.execute((tx) -> store(request, originatingTicket));
		}
		catch (DataIntegrityViolationException ex) {
			// The same alert arrived twice at once and the other request stored it first.
			Alert existing = this.alerts
				.findByTenantAndSourceAndExternalId(request.tenant(), request.source(), request.externalId())
				.orElseThrow(() -> ex);
			return Accepted.duplicate(existing);
		}
	}

	private Accepted store(AlertRequest request, TicketRef originatingTicket) {
		var existing = this.alerts.findByTenantAndSourceAndExternalId(request.tenant(), request.source(),
				request.externalId());
		if (existing.isPresent()) {
			this.journal.step(existing.get().getId(), "Duplicate received",
					"the source sent the same alert again; no second process started");
			return Accepted.duplicate(existing.get());
		}
		Instant receivedAt = this.clock.instant();
		FittedAlert fitted = FittedAlert.of(request, receivedAt);
		Alert alert = this.alerts.saveAndFlush(new Alert(fitted.alert(), receivedAt));
		if (originatingTicket != null) {
			alert.ticket(originatingTicket.system(), originatingTicket.id());
		}
		if (fitted.fullMessage() != null) {
			this.fullMessages.save(new FullMessage(alert.getId(), fitted.fullMessage()));
		}
		String received = "from " + request.source() + " (" + request.externalId() + ")";
		this.journal.step(alert.getId(), "Received",
				fitted.changes().isEmpty() ? received : received + "; " + String.join("; ", fitted.changes()));
		// Correlated and started by the dispatcher, off this request's path: the answer
		// waits only for this commit.
		this.starts.enqueue(alert);
		return new Accepted(alert.getId(), alert.getStatus(), false);
	}

	/**
	 * Whether an alert from this source with this id is already stored for the tenant:
	 * for a poll, which reads the same open alerts again and again and hands in only the
	 * ones not yet here.
	 */
	public boolean holds(String tenant, String source, String externalId) {
		return this.alerts.findByTenantAndSourceAndExternalId(tenant, source, externalId).isPresent();
	}

	/**
	 * The stored alert's id and status, and whether it had been stored before this
	 * request.
	 */
	public record Accepted(long id, AlertStatus status, boolean duplicate) {

		static Accepted duplicate(Alert alert) {
			return new Accepted(alert.getId(), alert.getStatus(), true);
		}

	}

}
