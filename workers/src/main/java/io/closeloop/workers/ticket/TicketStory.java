package io.closeloop.workers.ticket;

import java.util.List;
import java.util.Map;

/**
 * The note Closeloop leaves on a ticket when it is done: what the alert was, what the
 * device and the PSA said, what the rules decided, what was run and what the check found.
 * Written so the next person to open the ticket does not have to look anything up.
 */
final class TicketStory {

	private final Map<String, Object> variables;

	private TicketStory(Map<String, Object> variables) {
		this.variables = variables;
	}

	static TicketStory of(Map<String, Object> variables) {
		return new TicketStory(variables);
	}

	String resolved() {
		StringBuilder text = new StringBuilder("Resolved by Closeloop.\n");
		appendDecision(text);
		appendApproval(text);
		appendIfPresent(text, "Script output", "scriptOutput");
		appendIfPresent(text, "Verification", "verificationEvidence");
		return text.toString();
	}

	/**
	 * The note for an alert its source reported resolved before Closeloop was done with
	 * it: what had been decided and done so far.
	 */
	String cleared() {
		StringBuilder text = new StringBuilder("Cleared at source: ");
		text.append(this.variables.getOrDefault("clearedBy", "the source"))
			.append(" reported the alert resolved; Closeloop stopped working on it.\n");
		appendDecision(text);
		appendApproval(text);
		appendIfPresent(text, "Script output", "scriptOutput");
		appendIfPresent(text, "Verification", "verificationEvidence");
		return text.toString();
	}

	String escalated(String reason) {
		StringBuilder text = new StringBuilder("Escalated to ");
		text.append(this.variables.getOrDefault("escalatedTo", "a technician"))
			.append(": ")
			.append(reason)
			.append('\n');
		appendDecision(text);
		appendApproval(text);
		appendEnrichment(text);
		appendIfPresent(text, "Script output", "scriptOutput");
		appendIfPresent(text, "Verification", "verificationEvidence");
		return text.toString();
	}

	private void appendDecision(StringBuilder text) {
		if (this.variables.get("decision") instanceof Map<?, ?> decision) {
			text.append("Decision: tier ")
				.append(decision.get("tier"))
				.append(", remediation ")
				.append(decision.get("remediation"))
				.append(", confidence ")
				.append(decision.get("confidence"))
				.append('\n');
			if (decision.get("rulesFired") instanceof List<?> rules) {
				text.append("Rules fired: ")
					.append(String.join(", ", rules.stream().map(String::valueOf).toList()))
					.append('\n');
			}
		}
	}

	private void appendApproval(StringBuilder text) {
		if (this.variables.get("approvedBy") != null) {
			text.append(Boolean.TRUE.equals(this.variables.get("approved")) ? "Approved by " : "Rejected by ")
				.append(this.variables.get("approvedBy"));
			Object comment = this.variables.get("approvalComment");
			if (comment != null && !comment.toString().isBlank()) {
				text.append(": ").append(comment);
			}
			text.append('\n');
		}
	}

	private void appendEnrichment(StringBuilder text) {
		if (this.variables.get("enrichment") instanceof Map<?, ?> enrichment) {
			if (enrichment.get("device") instanceof Map<?, ?> device) {
				text.append("Device: ")
					.append(device.get("hostname"))
					.append(Boolean.TRUE.equals(device.get("online")) ? " (online" : " (offline")
					.append(", last seen ")
					.append(device.get("lastSeen"))
					.append(")\n");
			}
			if (enrichment.get("openTickets") instanceof List<?> tickets && !tickets.isEmpty()) {
				text.append("Other open tickets for the device: ").append(tickets.size()).append('\n');
			}
			appendDocumentation(text, enrichment);
		}
	}

	/**
	 * Where the client and the device are documented. Only in notes for technicians:
	 * documentation links and excerpts are internal.
	 */
	private void appendDocumentation(StringBuilder text, Map<?, ?> enrichment) {
		if (enrichment.get("documentation") instanceof List<?> links && !links.isEmpty()) {
			text.append("Documentation:\n");
			for (Object entry : links) {
				if (entry instanceof Map<?, ?> link) {
					text.append("- ").append(link.get("title"));
					if (link.get("url") != null) {
						text.append(": ").append(link.get("url"));
					}
					if (link.get("snippet") != null) {
						text.append(" (").append(link.get("snippet")).append(')');
					}
					text.append('\n');
				}
			}
		}
		if (enrichment.get("documentationNote") != null) {
			text.append(enrichment.get("documentationNote")).append('\n');
		}
	}

	private void appendIfPresent(StringBuilder text, String label, String variable) {
		Object value = this.variables.get(variable);
		if (value != null) {
			text.append(label).append(": ").append(value).append('\n');
		}
	}

}
