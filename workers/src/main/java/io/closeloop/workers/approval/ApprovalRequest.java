package io.closeloop.workers.approval;

import java.time.Instant;

/** An approval job that asks a technician to approve a remediation. */
public record ApprovalRequest(long jobKey, long alertId, long processInstanceKey, long elementInstanceKey,
		Instant dueAt) {

}
