package io.closeloop.workers.journal;

/** Where an alert is on its way to resolution. */
public enum AlertStatus {

	RECEIVED, AWAITING_APPROVAL, REMEDIATING, VERIFYING, RESOLVED, ESCALATED,
	/**
	 * The source (the RMM) reported the alert resolved before Closeloop finished with it:
	 * nothing more is done, and it counts neither for nor against autonomy.
	 */
	CLEARED;

	public boolean isFinal() {
		return this == RESOLVED || this == ESCALATED || this == CLEARED;
	}

}
