package io.closeloop.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The alert as the rules see it: what happened, on which device, for which tenant.
 * Immutable; everything the rules conclude about it is a fact of its own.
 */
public final class AlertFact {

	private final String tenant;

	private final String type;

	private final String severity;

	private final String message;

	private final String deviceRole;

	private final String os;

	private final Map<String, Double> metrics;

	public AlertFact(String tenant, String type, String severity, String message, String deviceRole, String os,
			Map<String, Double> metrics) {
		this.tenant = Objects.requireNonNullElse(tenant, "");
		this.type = Objects.requireNonNullElse(type, "").trim().toLowerCase(Locale.ROOT);
		this.severity = Objects.requireNonNullElse(severity, "").trim().toLowerCase(Locale.ROOT);
		this.message = Objects.requireNonNullElse(message, "");
		this.deviceRole = Objects.requireNonNullElse(deviceRole, "").trim().toLowerCase(Locale.ROOT);
		this.os = Objects.requireNonNullElse(os, "");
		this.metrics = (metrics != null) ? Map.copyOf(metrics) : Map.of();
	}

	public String getTenant() {
		return this.tenant;
	}

	public String getType() {
		return this.type;
	}

	public String getSeverity() {
		return this.severity;
	}

	public String getMessage() {
		return this.message;
	}

	public String getDeviceRole() {
		return this.deviceRole;
	}

	public String getOs() {
		return this.os;
	}

	public Map<String, Double> getMetrics() {
		return this.metrics;
	}

	/** A metric's value, or {@code null} when the alert did not carry it. */
	public Double metric(String name) {
		return this.metrics.get(name);
	}

	/** Case-insensitive test of the alert text, for rules that classify by wording. */
	public boolean mentions(String word) {
		return this.message.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
	}

}
