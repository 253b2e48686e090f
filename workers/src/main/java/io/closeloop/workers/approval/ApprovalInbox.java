package io.closeloop.workers.approval;

/**
 * Where approval tasks wait for a technician. The application that owns persistence
 * implements it; the approval worker only announces tasks, and the technician's decision
 * completes the job.
 */
public interface ApprovalInbox {

	/**
	 * Announces a task waiting for a technician; a job handed out again (same key) is the
	 * same task, whichever instance it is handed to.
	 * @return whether the task is new, waited already, or was decided before its earlier
	 * process was lost (the job is then completed with that decision at once instead of
	 * asking again)
	 */
	ApprovalOpening taskOpened(ApprovalRequest request);

}
