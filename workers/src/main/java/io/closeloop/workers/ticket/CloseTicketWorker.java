package io.closeloop.workers.ticket;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.JobFailures;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.journal.AlertStatus;
import io.closeloop.workers.journal.SideEffects;

/** Writes what was found and done into the ticket, then closes it. */
@Component
public class CloseTicketWorker {

	static final String TYPE = "close-psa-ticket";

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
		String story = TicketStory.of(job.getVariablesAsMap()).resolved();
		try {
			this.sideEffects.once(SideEffects.key(alertId, "resolution-note"),
					(key) -> this.psa.addNote(ticket, story, false, key));
			this.sideEffects.once(SideEffects.key(alertId, "close-ticket"),
					(key) -> this.psa.closeTicket(ticket, "Resolved automatically by Closeloop", key));
		}
		catch (ConnectorException ex) {
			throw JobFailures.outage(job, ex);
		}
		catch (VendorRejectedException ex) {
			throw JobFailures.rejected(job, ex);
		}
		this.journal.outcome(alertId, true, "fix verified");
		this.journal.status(alertId, AlertStatus.RESOLVED,
				"fix verified; " + ticket.system() + " ticket " + ticket.id() + " closed");
	}

}
