package io.closeloop.ui.tasks;

import java.time.Instant;
import java.util.List;

/** An approval task with everything the technician needs to decide it. */
public record ApprovalTaskView(long id, long alertId, String tenant, String deviceHostname, String deviceRole,
		String alertType, String message, String remediation, double confidence, List<String> rulesFired,
		List<String> reasons, String context, Instant dueAt, String state, String decidedBy) {

}
