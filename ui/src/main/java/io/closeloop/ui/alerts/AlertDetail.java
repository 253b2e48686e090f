package io.closeloop.ui.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Decision;

/**
 * An alert with its decision, ticket and timeline: what the alert page shows.
 * {@code decision} is null before the rules decided. {@code messageTruncated}: the
 * message was longer than an alert holds, so {@code message} is its beginning with a note
 * of the cut, and the whole of it ({@code messageLength} characters) is kept apart.
 */
public record AlertDetail(long id, AlertStatus status, String tenant, String source, String externalId, String type,
		String severity, String message, boolean messageTruncated, int messageLength, Device device,
		Map<String, Double> metrics, Decision decision, TicketView ticket, String escalationReason, Instant occurredAt,
		Instant receivedAt, List<TimelineEntry> timeline, boolean shadowOutcomeWanted, Long incidentId,
		Long recurrenceOf) {

	public record Device(String id, String hostname, String os, String role) {

	}

	public record TicketView(String system, String id) {

	}

	public record TimelineEntry(Instant at, String step, String detail) {

	}

}
