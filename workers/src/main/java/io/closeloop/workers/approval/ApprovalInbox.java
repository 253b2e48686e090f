package io.closeloop.workers.approval;

/**
 * Where approval tasks wait for a technician. The application that owns persistence
 * implements it; the approval worker only announces tasks, and the technician's decision
 * completes the job.
 */
public interface ApprovalInbox {

	void taskOpened(ApprovalRequest request);

}
