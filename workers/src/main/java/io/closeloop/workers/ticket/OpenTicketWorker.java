package io.closeloop.workers.ticket;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.journal.SideEffects;

/**
 * Opens the PSA ticket for the alert, or, when the alert came with a ticket (a
 * PSA-triggered process), notes the alert on it.
 */
@Component
public class OpenTicketWorker {

	static final String TYPE = "open-psa-ticket";

	private final PsaConnector psa;

	private final SideEffects sideEffects;

	private final AlertJournal journal;

	OpenTicketWorker(PsaConnector psa, SideEffects sideEffects, AlertJournal journal) {
		this.psa = psa;
		this.sideEffects = sideEffects;
		this.journal = journal;
	}

	@JobWorker(type = TYPE)
	public Map<String, Object> openTicket(ActivatedJob job, @VariablesAsType AlertVariables variables,
			@Variable(name = "ticket") TicketRef existing, @Variable(name = "incident") Map<String, Object> incident) {
		AlertContext alert = variables.context();
		TicketRef ticket = (existing != null) ? existing : incidentTicket(alert, incident);
		if (ticket == null) {
			String key = SideEffects.key(alert.alertId(), "open-ticket");
			ticket = this.sideEffects.once(key, TicketRef.class,
					() -> this.psa.openTicket(alert, TicketTexts.summary(alert), TicketTexts.description(alert), key));
			this.journal.step(alert.alertId(), "Ticket opened", ticket.system() + " ticket " + ticket.id());
		}
		else {
			TicketRef ticketToNote = ticket;
			this.sideEffects.once(SideEffects.key(alert.alertId(), "note-alert"),
					(key) -> this.psa.addNote(ticketToNote, TicketTexts.description(alert), true, key));
			this.journal.step(alert.alertId(), "Ticket updated", ticket.system() + " ticket " + ticket.id());
		}
		this.journal.ticket(alert.alertId(), ticket);
		return Map.of("ticket", ticket);
	}

	/**
	 * The one ticket of a cross-tenant incident, opened by whichever member comes first.
	 */
	private TicketRef incidentTicket(AlertContext alert, Map<String, Object> incident) {
		if (incident == null || incident.get("id") == null) {
			return null;
		}
		String key = "incident-" + incident.get("id") + ":open-ticket";
		return this.sideEffects.once(key, TicketRef.class,
				() -> this.psa.openTicket(alert, TicketTexts.incidentSummary(alert, incident.get("id")),
						TicketTexts.incidentDescription(alert, incident.get("id")), key));
	}

}
