package io.closeloop.workers.connector.routing;

import java.util.List;
import java.util.Map;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.TicketSummary;

/**
 * The PSA when tenants are served by different ones: a new ticket goes to the tenant's
 * PSA, and a ticket's later notes go to the PSA that holds it, whichever that is.
 */
public class TenantRoutedPsa implements PsaConnector {

	private final ConnectorChoice choice;

	private final Map<String, PsaConnector> connectors;

	public TenantRoutedPsa(ConnectorChoice choice, Map<String, PsaConnector> connectors) {
		this.choice = choice;
		this.connectors = Map.copyOf(connectors);
	}

	@Override
	public String system() {
		return "per-tenant";
	}

	@Override
	public TicketRef openTicket(AlertContext alert, String summary, String description, String idempotencyKey) {
		return of(alert.tenant()).openTicket(alert, summary, description, idempotencyKey);
	}

	@Override
	public List<TicketSummary> openTicketsForDevice(String tenant, String deviceId) {
		return of(tenant).openTicketsForDevice(tenant, deviceId);
	}

	@Override
	public void addNote(TicketRef ticket, String text, boolean internal, String idempotencyKey) {
		holding(ticket).addNote(ticket, text, internal, idempotencyKey);
	}

	@Override
	public void closeTicket(TicketRef ticket, String resolution, String idempotencyKey) {
		holding(ticket).closeTicket(ticket, resolution, idempotencyKey);
	}

	@Override
	public void escalateTicket(TicketRef ticket, String reason, String idempotencyKey) {
		holding(ticket).escalateTicket(ticket, reason, idempotencyKey);
	}

	/** The connector serving the tenant. */
	public PsaConnector of(String tenant) {
		return this.connectors.get(this.choice.connectorOf(tenant));
	}

	private PsaConnector holding(TicketRef ticket) {
		return this.connectors.values()
			.stream()
			.filter((connector) -> connector.system().equals(ticket.system()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Ticket " + ticket.id() + " is in " + ticket.system()
					+ ", which no configured PSA connector serves"));
	}

}
