package io.closeloop.workers.journal;

import io.closeloop.rules.AlertFact;
import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Decision;
import io.closeloop.workers.connector.TicketRef;

/**
 * The record of an alert's way to resolution, kept by the application that owns
 * persistence. Workers report each step; the journal keeps the status, the timeline, the
 * ticket and the decision that the API and the UI show.
 */
public interface AlertJournal {

	/** Adds a step to the alert's timeline without changing its status. */
	void step(long alertId, String step, String detail);

	/** Moves the alert to a status and adds the step to its timeline. */
	void status(long alertId, AlertStatus status, String detail);

	void ticket(long alertId, TicketRef ticket);

	/**
	 * Records the decision, with the facts it was made from, for the alert and for audit.
	 */
	void decision(long alertId, AlertFact input, Decision decision);

	/**
	 * Records how a remediation turned out: the evidence a category earns (or loses)
	 * autonomy by.
	 * @param success whether the fix was verified
	 */
	void outcome(long alertId, boolean success, String detail);

}
