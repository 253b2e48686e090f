package io.closeloop.workers.approval;

import java.util.Optional;

/**
 * Where approval tasks wait for a technician. The application that owns persistence
 * implements it; the approval worker only announces tasks, and the technician's decision
 * completes the job.
 */
public interface ApprovalInbox {

	/**
	 * Announces a task waiting for a technician.
	 * @return the decision a technician already gave on this alert, when its earlier
	 * process was lost after the answer: the task is then completed with it at once
	 * instead of asking again
	 */
	Optional<ApprovalDecision> taskOpened(ApprovalRequest request);

}
