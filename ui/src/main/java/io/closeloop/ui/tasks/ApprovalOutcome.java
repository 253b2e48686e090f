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
	/**
	 * The decision is recorded, but the engine did not confirm it (it could not be
	 * reached, or its answer was lost): Closeloop delivers it until it does.
	 */
	DELIVERY_PENDING,
	/** No such task. */
	NOT_FOUND

}
