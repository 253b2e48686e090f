package io.closeloop.ui.tasks;

/** What happened to a technician's decision. */
public enum ApprovalOutcome {

	/** Approved: the remediation runs now. */
	APPROVED,
	/** Rejected: the alert goes to a person. */
	REJECTED,
	/** Someone else decided this task first. */
	ALREADY_DECIDED,
	/**
	 * The process no longer waits for this task: the SLA escalated it, or the engine
	 * moved on.
	 */
	NO_LONGER_WAITING,
	/** The engine could not be reached; nothing was recorded, try again. */
	ENGINE_UNAVAILABLE,
	/** No such task. */
	NOT_FOUND

}
