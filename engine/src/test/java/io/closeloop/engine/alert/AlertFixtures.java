package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.closeloop.rules.Classification;

import io.closeloop.rules.AlertStatus;

/** Alerts made directly, for tests of what reads and moves them. */
public final class AlertFixtures {

	private AlertFixtures() {
	}

	/** An alert as intake would store it, not yet stored. */
	public static Alert alert(String source, String externalId, String type, String message, String hostname, String os,
			String role, Map<String, Double> metrics, Instant occurredAt) {
		return new Alert(new AlertRequest(source, externalId, "acme",
				new AlertRequest.Device("dev-" + hostname, hostname, os, role), type, "warning", message, metrics,
				occurredAt), Instant.now());
	}

	/**
	 * An alert of one client, already classified into one category, as the dispatcher
	 * leaves it once correlated; not yet stored.
	 */
	public static Alert classified(String tenant, String category) {
		Alert alert = new Alert(new AlertRequest("ninjaone", "classified-" + System.nanoTime(), tenant,
				new AlertRequest.Device("dev-" + tenant, tenant.toUpperCase() + "-WS-1", "Windows 11", "workstation"),
				"cpu.high", "warning", "CPU above 95%", Map.of(), null), Instant.now());
		alert.classified(new Classification(List.of(category), List.of(), List.of()));
		return alert;
	}

	/** The alert with its ticket set, as the ticket step would set it. */
	public static Alert withTicket(Alert alert, String system, String id) {
		alert.ticket(system, id);
		return alert;
	}

	/** The alert moved on to a status, as the journal would move it. */
	public static Alert movedTo(Alert alert, AlertStatus status) {
		alert.moveTo(status);
		return alert;
	}

	/** A step on an alert's timeline at a given time, not yet stored. */
	public static AlertEvent event(long alertId, Instant at, String step, String detail) {
		return new AlertEvent(alertId, at, step, detail);
	}

}
