package io.closeloop.rules;

import java.util.EnumSet;
import java.util.Set;

/** Where an alert is on its way to resolution. */
public enum AlertStatus {

	RECEIVED, AWAITING_APPROVAL, REMEDIATING, VERIFYING, RESOLVED, ESCALATED,
	/**
	 * The source (the RMM) reported the alert resolved before Closeloop finished with it:
	 * nothing more is done, and it counts neither for nor against autonomy.
	 */
	CLEARED;

	/**
	 * The statuses of an alert whose process, once started, keeps the engine busy: not
	 * final, and not parked waiting for a technician.
	 */
	public static final Set<AlertStatus> BUSY = Set.copyOf(EnumSet.of(RECEIVED, REMEDIATING, VERIFYING));

	/** The statuses nothing moves an alert on from. */
	public static final Set<AlertStatus> FINAL = Set.copyOf(EnumSet.of(RESOLVED, ESCALATED, CLEARED));

	public boolean isFinal() {
		return FINAL.contains(this);
	}

	/** The status as people read it on a timeline. */
	public String label() {
		return switch (this) {
			case RECEIVED -> "Received";
			case AWAITING_APPROVAL -> "Awaiting approval";
			case REMEDIATING -> "Remediating";
			case VERIFYING -> "Verifying";
			case RESOLVED -> "Resolved";
			case ESCALATED -> "Escalated";
			case CLEARED -> "Cleared at source";
		};
	}

}
