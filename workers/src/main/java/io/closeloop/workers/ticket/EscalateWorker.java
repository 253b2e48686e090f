package io.closeloop.workers.ticket;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.rules.AlertStatus;
import io.closeloop.workers.journal.SideEffects;
import io.closeloop.workers.scope.DeviceScopeCheck;

/**
 * Hands the alert to a person: writes the gathered context and the reason into the ticket
 * and moves the ticket to the escalation status.
 */
@Component
public class EscalateWorker {

	static final String TYPE = "escalate-alert";

	private final PsaConnector psa;

	private final SideEffects sideEffects;

	private final AlertJournal journal;

	EscalateWorker(PsaConnector psa, SideEffects sideEffects, AlertJournal journal) {
		this.psa = psa;
		this.sideEffects = sideEffects;
		this.journal = journal;
	}

	@JobWorker(type = TYPE)
	public void escalate(ActivatedJob job, @Variable(name = "alertId") Long alertId,
			@Variable(name = "ticket") TicketRef ticket, @Variable(name = "escalationReason") String reason,
			@Variable(name = "scriptRunId") String scriptRunId,
			@Variable(name = DeviceScopeCheck.OUT_OF_SCOPE_VARIABLE) Boolean deviceOutOfScope) {
		TicketStory story = TicketStory.of(job.getVariablesAsMap());
		String why = (reason != null) ? reason : "no reason recorded";
		if (scriptRunId != null && !Boolean.TRUE.equals(deviceOutOfScope)) {
			// A remediation ran and did not resolve the alert: evidence against the
			// category. A device found out of scope says nothing of the fix.
			this.journal.outcome(alertId, false, why);
		}
		// The alert is the person's first, then the ticket's: a PSA outage must not hide
		// the escalation.
		this.journal.status(alertId, AlertStatus.ESCALATED, why);
		if (ticket == null) {
			// The ticket could not be opened (the failure that brought us here may be the
			// PSA's).
			return;
		}
		this.sideEffects.once(SideEffects.key(alertId, "escalation-note"),
				(key) -> this.psa.addNote(ticket, story.escalated(why), true, key));
		this.sideEffects.once(SideEffects.key(alertId, "escalate-ticket"),
				(key) -> this.psa.escalateTicket(ticket, why, key));
	}

}
