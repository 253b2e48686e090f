package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert request made to fit what an alert holds, so that no alert is refused for
 * something it can do without. An optional field left out takes its default (no type:
 * {@code unknown}, which the rules hand to a person; no severity: {@code warning}; no
 * time: the time it was received). A text longer than its column is cut to fit and ends
 * with a note of how long it was; a message cut so is also kept whole, beside the alert.
 * Every such change is listed, for the alert's timeline.
 *
 * @param alert the request as it is stored
 * @param fullMessage the whole message when {@code alert.message()} is cut, else null
 * @param changes what was defaulted, cut or dropped, in words
 */
record FittedAlert(AlertRequest alert, String fullMessage, List<String> changes) {

	/**
	 * The longest message kept whole: the database keeps up to 16 MB of it (MySQL's
	 * MEDIUMTEXT, four bytes a character at worst), and no monitor's text is that long.
	 */
	static final int MAX_FULL_MESSAGE = 1_048_576;

	// The columns of the alert table (db/migration).
	static final int MESSAGE = 4000;

	static final int TYPE = 200;

	static final int SEVERITY = 50;

	static final int HOSTNAME = 255;

	static final int OS = 255;

	static final int ROLE = 100;

	/** What metrics_json holds. */
	static final int MAX_METRICS = 50;

	static final int METRIC_NAME = 100;

	static final String UNKNOWN_TYPE = "unknown";

	static final String DEFAULT_SEVERITY = "warning";

	static final String NO_MESSAGE = "(no message)";

	static FittedAlert of(AlertRequest request, Instant receivedAt) {
		List<String> changes = new ArrayList<>();
		AlertRequest.Device device = request.device();
		String message = present(request.message());
		if (message == null) {
			changes.add("no message given");
			message = NO_MESSAGE;
		}
		String fitted = cut(message, MESSAGE);
		String fullMessage = null;
		if (!fitted.equals(message)) {
			changes.add("message cut to " + MESSAGE + " of its " + message.length()
					+ " characters; the whole message is kept");
			fullMessage = message;
		}
		AlertRequest.Device fittedDevice = new AlertRequest.Device(device.id(),
				fit("device.hostname", present(device.hostname()), HOSTNAME, changes),
				fit("device.os", present(device.os()), OS, changes),
				fit("device.role", present(device.role()), ROLE, changes));
		String type = present(request.type());
		if (type == null) {
			changes.add("no type given: " + UNKNOWN_TYPE);
			type = UNKNOWN_TYPE;
		}
		String severity = present(request.severity());
		if (severity == null) {
			changes.add("no severity given: " + DEFAULT_SEVERITY);
			severity = DEFAULT_SEVERITY;
		}
		Instant occurredAt = request.occurredAt();
		if (occurredAt == null) {
			changes.add("no time given: the time it was received");
			occurredAt = receivedAt;
		}
		AlertRequest alert = new AlertRequest(request.source(), request.externalId(), request.tenant(), fittedDevice,
				fit("type", type, TYPE, changes), fit("severity", severity, SEVERITY, changes), fitted,
				metrics(request.metrics(), changes), occurredAt);
		return new FittedAlert(alert, fullMessage, List.copyOf(changes));
	}

	/**
	 * The text, or its beginning and a note of its length when it is longer than
	 * {@code limit}: {@code … [truncated, 40960 characters in all]}.
	 */
	static String cut(String text, int limit) {
		if (text == null || text.length() <= limit) {
			return text;
		}
		String note = "… [truncated, " + text.length() + " characters in all]";
		int keep = limit - note.length();
		// Never half of a character written as two.
		if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
			keep--;
		}
		return text.substring(0, keep) + note;
	}

	private static String fit(String field, String text, int limit, List<String> changes) {
		String fitted = cut(text, limit);
		if (fitted != null && !fitted.equals(text)) {
			changes.add(field + " cut to " + limit + " of its " + text.length() + " characters");
		}
		return fitted;
	}

	/**
	 * Metrics without a value or a usable name are dropped, as are those beyond the
	 * limit.
	 */
	private static Map<String, Double> metrics(Map<String, Double> metrics, List<String> changes) {
		if (metrics == null) {
			return Map.of();
		}
		Map<String, Double> kept = new LinkedHashMap<>();
		List<String> dropped = new ArrayList<>();
		metrics.forEach((name, value) -> {
			if (value == null || name == null || name.isBlank() || name.length() > METRIC_NAME || value.isNaN()
					|| value.isInfinite() || kept.size() == MAX_METRICS) {
				dropped.add(cut(String.valueOf(name), 60));
			}
			else {
				kept.put(name, value);
			}
		});
		if (!dropped.isEmpty()) {
			String names = String.join(", ", dropped.subList(0, Math.min(dropped.size(), 10)))
					+ ((dropped.size() > 10) ? " and " + (dropped.size() - 10) + " more" : "");
			changes.add("metrics dropped (no value, a name over " + METRIC_NAME + " characters, or beyond the first "
					+ MAX_METRICS + "): " + names);
		}
		return kept;
	}

	private static String present(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
