package io.closeloop.workers.connector;

import java.util.List;

/**
 * What the workers need from a professional services automation tool (the ticketing
 * system). Every call that writes carries an idempotency key, so a job delivered twice
 * writes once.
 */
public interface PsaConnector {

	/** A short name for the system ({@code simulator}, {@code connectwise}). */
	String system();

	TicketRef openTicket(AlertContext alert, String summary, String description, String idempotencyKey);

	List<TicketSummary> openTicketsForDevice(String tenant, String deviceId);

	void addNote(TicketRef ticket, String text, boolean internal, String idempotencyKey);

	void closeTicket(TicketRef ticket, String resolution, String idempotencyKey);

	/**
	 * Hands the ticket to a person: moves it to the escalation status or queue with the
	 * reason.
	 */
	void escalateTicket(TicketRef ticket, String reason, String idempotencyKey);

}
