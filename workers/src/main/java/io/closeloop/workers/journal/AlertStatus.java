package io.closeloop.workers.journal;

/** Where an alert is on its way to resolution. */
public enum AlertStatus {

	RECEIVED, AWAITING_APPROVAL, REMEDIATING, VERIFYING, RESOLVED, ESCALATED;

	public boolean isFinal() {
		return this == RESOLVED || this == ESCALATED;
	}

}
