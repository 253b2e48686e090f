package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Classification;
import io.closeloop.rules.Decision;

/**
 * {@code GET /api/alerts/{id}}: an alert with its classification, decision, ticket and
 * timeline.
 *
 * @param message the message, or its beginning with a note of the cut when it was longer
 * than an alert holds
 * @param messageTruncated whether the message was cut: the whole of it is at {@code GET
 * /api/alerts/{id}/message}
 * @param messageLength how many characters the whole message has
 * @param shadowOutcomeWanted whether a technician should still say what fixed this
 * shadow-mode alert
 */
public record AlertView(long id, AlertStatus status, String tenant, String source, String externalId, String type,
		String severity, String message, boolean messageTruncated, int messageLength, Device device,
		Map<String, Double> metrics, Classification classification, Decision decision, Ticket ticket,
		String escalationReason, Instant occurredAt, Instant receivedAt, List<TimelineEntry> timeline,
		boolean shadowOutcomeWanted, Long incidentId, Long recurrenceOf) {

	/** The device the alert is about. */
	public record Device(String id, String hostname, String os, String role) {

	}

	/** The alert's ticket in the PSA. */
	public record Ticket(String system, String id) {

	}

	/** One step of the alert's way to resolution. */
	public record TimelineEntry(Instant at, String step, String detail) {

	}

}
