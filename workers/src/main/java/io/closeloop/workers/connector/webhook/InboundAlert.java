package io.closeloop.workers.connector.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as a vendor's webhook raised it, in Closeloop's terms: what intake takes in,
 * exactly as it takes {@code POST /api/alerts}.
 *
 * @param source the vendor's name
 * @param externalId the vendor's id for the alert (or ticket)
 * @param tenant the Closeloop tenant the vendor's organisation maps to
 * @param type the alert type the classification knows
 */
public record InboundAlert(String source, String externalId, String tenant, Device device, String type, String severity,
		String message, Map<String, Double> metrics, Instant occurredAt) {

	/** The device the alert is about, as the vendor named it. */
	public record Device(String id, String hostname, String os, String role) {

	}

}
