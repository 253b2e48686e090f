package io.closeloop.workers.maintenance;

import java.util.Locale;

/** The wording of scheduled-maintenance tickets, in one place. */
final class MaintenanceTexts {

	private MaintenanceTexts() {
	}

	static String summary(MaintenanceForecast forecast) {
		return "[Closeloop] Scheduled maintenance: " + resource(forecast.metric()) + " in "
				+ number(forecast.daysLeft(), 1) + " days on " + forecast.hostname();
	}

	static String message(MaintenanceForecast forecast) {
		return forecast.metric() + " projected to reach " + number(forecast.exhaustionLevel(), 0) + " at "
				+ forecast.projectedExhaustionAt();
	}

	static String description(MaintenanceForecast forecast) {
		StringBuilder text = new StringBuilder();
		text.append("Closeloop projects that ").append(forecast.metric()).append(" on ").append(forecast.hostname());
		if (forecast.device() != null) {
			text.append(" (").append(forecast.device().id()).append(')');
		}
		text.append(" reaches ")
			.append(number(forecast.exhaustionLevel(), 0))
			.append(" at ")
			.append(forecast.projectedExhaustionAt())
			.append(", in ")
			.append(number(forecast.daysLeft(), 1))
			.append(" days.\n");
		text.append("Now: ")
			.append(number(forecast.currentValue(), 1))
			.append("; trend: ")
			.append(signed(forecast.slope()))
			.append(" per day (least-squares fit over ")
			.append(forecast.samples())
			.append(" samples, R² ")
			.append(number(forecast.rSquared(), 2))
			.append(").\n");
		text.append("No threshold alert has fired yet: schedule the maintenance before one does.\n");
		text.append("Forecast ").append(forecast.forecastId()).append(", occurrence ").append(forecast.occurrence());
		return text.toString();
	}

	/** What runs out, in the words a technician uses. */
	static String resource(String metric) {
		if (metric != null && metric.startsWith("disk")) {
			return "disk projected full";
		}
		if (metric != null && metric.startsWith("memory")) {
			return "memory projected exhausted";
		}
		return metric + " projected to run out";
	}

	private static String number(Double value, int decimals) {
		return (value != null) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "?";
	}

	private static String signed(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%+.2f", value) : "?";
	}

}
