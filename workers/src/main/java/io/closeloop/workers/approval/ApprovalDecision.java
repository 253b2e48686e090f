package io.closeloop.workers.approval;

import java.util.HashMap;
import java.util.Map;

/** A technician's answer to an approval task, as the process reads it. */
public record ApprovalDecision(boolean approved, String technician, String comment) {

	/** The variables the approval task completes with. */
	public Map<String, Object> variables() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("approved", this.approved);
		variables.put("approvedBy", this.technician);
		variables.put("approvalComment", (this.comment != null) ? this.comment : "");
		if (!this.approved) {
			variables.put("escalationReason", "Rejected by " + this.technician
					+ ((this.comment != null && !this.comment.isBlank()) ? ": " + this.comment : ""));
		}
		return variables;
	}

}
