package io.closeloop.workers.approval;

import java.util.Optional;

/**
 * What the inbox made of an approval job handed out.
 *
 * @param decided the decision a technician already gave on this alert, when its earlier
 * process was lost after the answer: the job is completed with it at once
 * @param alreadyWaiting the job was handed out before (its job timed out, perhaps because
 * the instance holding it died) and its task is already in the list, found by the job's
 * key: nothing is announced again
 */
public record ApprovalOpening(Optional<ApprovalDecision> decided, boolean alreadyWaiting) {

	public static ApprovalOpening opened() {
		return new ApprovalOpening(Optional.empty(), false);
	}

	public static ApprovalOpening waitingAlready() {
		return new ApprovalOpening(Optional.empty(), true);
	}

	public static ApprovalOpening decidedBefore(ApprovalDecision decision) {
		return new ApprovalOpening(Optional.of(decision), false);
	}

}
