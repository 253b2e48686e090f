package io.closeloop.workers.ticket;

import java.util.Map;
import java.util.stream.Collectors;

import io.closeloop.workers.connector.AlertContext;

/** The wording Closeloop writes into tickets, in one place. */
final class TicketTexts {

	private TicketTexts() {
	}

	static String summary(AlertContext alert) {
		return "[Closeloop] " + alert.type() + " on " + deviceName(alert);
	}

	/** The device's host name, else its id: a sender may leave the host name out. */
	private static String deviceName(AlertContext alert) {
		if (alert.device() == null) {
			return "unknown device";
		}
		return (alert.device().hostname() != null) ? alert.device().hostname() : alert.device().id();
	}

	static String incidentSummary(AlertContext alert, Object incidentId) {
		return "[Closeloop] Cross-tenant incident " + incidentId + ": " + alert.type() + " on many clients";
	}

	static String incidentDescription(AlertContext alert, Object incidentId) {
		return "The same kind of alert (" + alert.type() + ") came from five or more clients within an hour: "
				+ "one incident, not a ticket each. Automatic remediation is paused for its alerts; each is "
				+ "noted here as it arrives. Incident " + incidentId + ".";
	}

	static String description(AlertContext alert) {
		StringBuilder text = new StringBuilder();
		text.append("Alert ").append(alert.alertId()).append(" (").append(alert.severity()).append("): ");
		text.append(alert.message()).append('\n');
		if (alert.device() != null) {
			text.append("Device: ")
				.append(deviceName(alert))
				.append(" (")
				.append(alert.device().id())
				.append("), ")
				.append(orUnknown(alert.device().os()))
				.append(", ")
				.append(orUnknown(alert.device().role()))
				.append('\n');
		}
		if (!alert.metrics().isEmpty()) {
			text.append("Metrics: ").append(format(alert.metrics())).append('\n');
		}
		return text.toString();
	}

	private static String orUnknown(String text) {
		return (text != null) ? text : "unknown";
	}

	static String format(Map<String, ?> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.sorted()
			.collect(Collectors.joining(", "));
	}

}
