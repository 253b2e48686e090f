package io.closeloop.engine.alert;

import org.springframework.stereotype.Component;

import io.closeloop.workers.connector.TicketRef;

/**
 * The alert intake's door for other packages (the vendor webhooks): takes an alert in
 * exactly as {@code POST /api/alerts} does, deduplicated by source and external id.
 */
@Component
public class AlertReceiver {

	private final AlertIntake intake;

	AlertReceiver(AlertIntake intake) {
		this.intake = intake;
	}

	/**
	 * Stores the alert (or finds the one stored before) and starts its process.
	 */
	public Received receive(AlertRequest request) {
		AlertIntake.Accepted accepted = this.intake.accept(request);
		Alert alert = accepted.alert();
		return new Received(alert.getId(), alert.getStatus().name(), accepted.duplicate());
	}

	/**
	 * Stores an alert raised by a ticket of the PSA Closeloop works in: the process works
	 * on that ticket instead of opening one.
	 */
	public Received receive(AlertRequest request, TicketRef originatingTicket) {
		AlertIntake.Accepted accepted = this.intake.accept(request, originatingTicket);
		Alert alert = accepted.alert();
		return new Received(alert.getId(), alert.getStatus().name(), accepted.duplicate());
	}

	/**
	 * The stored alert's id and status, and whether it had been received before.
	 */
	public record Received(long id, String status, boolean duplicate) {

	}

}
