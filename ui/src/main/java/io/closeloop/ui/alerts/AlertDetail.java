package io.closeloop.ui.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert with its decision, ticket and timeline: the read model behind the alert page
 * and {@code GET /api/alerts/{id}}.
 */
public record AlertDetail(long id, String status, String tenant, String source, String externalId, String type,
		String severity, String message, Device device, Map<String, Double> metrics, DecisionView decision,
		TicketView ticket, String escalationReason, Instant occurredAt, Instant receivedAt,
		List<TimelineEntry> timeline, boolean shadowOutcomeWanted, Long incidentId, Long recurrenceOf) {

	public record Device(String id, String hostname, String os, String role) {

	}

	/**
	 * What the rules decided; {@code remediation} is null when there is no known fix.
	 * {@code mode} is the autonomy the category had, {@code path} what Closeloop did with
	 * the decision.
	 */
	public record DecisionView(String tier, String category, String remediation, double confidence,
			List<String> rulesFired, List<String> reasons, String ruleSetVersion, String mode, String path,
			List<String> pathReasons) {

	}

	public record TicketView(String system, String id) {

	}

	public record TimelineEntry(Instant at, String step, String detail) {

	}

}
