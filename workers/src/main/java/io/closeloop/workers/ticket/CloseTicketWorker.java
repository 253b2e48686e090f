package io.closeloop.workers.ticket;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.rules.AlertStatus;
import io.closeloop.workers.journal.SideEffects;

/**
 * Writes what was found and done into the ticket, then closes it. With the task header
 * {@code resolution: cleared-at-source} (the "Alert cleared at source" event subprocess)
 * the alert is recorded {@link AlertStatus#CLEARED} instead, counting neither for nor
 * against autonomy, and the ticket is closed as cleared; an incident's shared ticket only
 * gets the note.
 */
@Component
public class CloseTicketWorker {

	static final String TYPE = "close-psa-ticket";

	/** The task header that says why the ticket is closed. */
	static final String RESOLUTION_HEADER = "resolution";

	static final String CLEARED_AT_SOURCE = "cleared-at-source";

	private final PsaConnector psa;

	private final SideEffects sideEffects;

	private final AlertJournal journal;

	CloseTicketWorker(PsaConnector psa, SideEffects sideEffects, AlertJournal journal) {
		this.psa = psa;
		this.sideEffects = sideEffects;
		this.journal = journal;
	}

	@JobWorker(type = TYPE)
	public void close(ActivatedJob job, @Variable(name = "alertId") Long alertId,
			@Variable(name = "ticket") TicketRef ticket) {
		if (CLEARED_AT_SOURCE.equals(job.getCustomHeaders().get(RESOLUTION_HEADER))) {
			clearedAtSource(job, alertId, ticket);
			return;
		}
		String story = TicketStory.of(job.getVariablesAsMap()).resolved();
		this.sideEffects.once(SideEffects.key(alertId, "resolution-note"),
				(key) -> this.psa.addNote(ticket, story, false, key));
		this.sideEffects.once(SideEffects.key(alertId, "close-ticket"),
				(key) -> this.psa.closeTicket(ticket, "Resolved automatically by Closeloop", key));
		this.journal.outcome(alertId, true, "fix verified");
		this.journal.status(alertId, AlertStatus.RESOLVED,
				"fix verified; " + ticket.system() + " ticket " + ticket.id() + " closed");
	}

	private void clearedAtSource(ActivatedJob job, Long alertId, TicketRef ticket) {
		Map<String, Object> variables = job.getVariablesAsMap();
		// The alert is over whatever the PSA says: its status first, the ticket after.
		this.journal.status(alertId, AlertStatus.CLEARED, "the source reported the alert resolved; " + ((ticket != null)
				? "closing " + ticket.system() + " ticket " + ticket.id() : "no ticket was opened"));
		if (ticket == null) {
			return;
		}
		boolean sharedTicket = variables.get("incident") instanceof Map<?, ?> incident && incident.get("id") != null;
		String story = TicketStory.of(variables).cleared();
		try {
			this.sideEffects.once(SideEffects.key(alertId, "cleared-note"),
					(key) -> this.psa.addNote(ticket, story, false, key));
			if (!sharedTicket) {
				this.sideEffects.once(SideEffects.key(alertId, "close-ticket"),
						(key) -> this.psa.closeTicket(ticket, "Cleared at source", key));
			}
		}
		catch (ConnectorException ex) {
			// Rethrown for JobFailureConfiguration to make the job failure; on the last
			// try the alert goes to a person and the timeline says the ticket stays open.
			if (job.getRetries() <= 1) {
				this.journal.step(alertId, "Ticket left open", ex.getMessage());
			}
			throw ex;
		}
		catch (VendorRejectedException ex) {
			this.journal.step(alertId, "Ticket left open", ex.getMessage());
			throw ex;
		}
		this.journal.step(alertId, "Ticket closed", ticket.system() + " ticket " + ticket.id()
				+ (sharedTicket ? " noted (the incident's ticket stays open)" : " closed as cleared at source"));
	}

}
