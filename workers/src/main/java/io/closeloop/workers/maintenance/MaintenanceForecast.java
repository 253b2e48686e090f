package io.closeloop.workers.maintenance;

import java.util.Map;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceRef;

/**
 * A proactive-maintenance instance's variables, as the engine starts it for a forecast.
 *
 * @param forecastId the forecast the instance was started for
 * @param occurrence how many times this forecast has opened; each time is a new ticket
 * @param tenant the tenant of the device
 * @param device the device
 * @param metric the metric running out, e.g. {@code diskFreePct}
 * @param exhaustionLevel the value at which it is exhausted (0 or 100)
 * @param currentValue the newest sample's value
 * @param projectedExhaustionAt when the fitted line reaches the exhaustion level
 * (ISO-8601)
 * @param daysLeft days from the newest sample to exhaustion
 * @param slope the fitted change per day
 * @param rSquared how well the line fits, 0 to 1
 * @param samples samples fitted
 */
public record MaintenanceForecast(Long forecastId, Integer occurrence, String tenant, DeviceRef device, String metric,
		Double exhaustionLevel, Double currentValue, String projectedExhaustionAt, Double daysLeft, Double slope,
		Double rSquared, Integer samples) {

	static final String TYPE = "maintenance.scheduled";

	/**
	 * The forecast as connectors take it; the forecast id stands in for the alert id, as
	 * no alert has fired.
	 */
	AlertContext context(String message) {
		Map<String, Double> metrics = (this.currentValue != null) ? Map.of(this.metric, this.currentValue) : Map.of();
		return new AlertContext(this.forecastId, this.tenant, TYPE, "warning", message, this.device, metrics);
	}

	/**
	 * A key per forecast occurrence and step: a redelivered job writes nothing twice, and
	 * a forecast that recovered and opened again gets a ticket of its own. Forecast ids
	 * are not alert ids, so the key says which it is.
	 */
	String idempotencyKey(String step) {
		return "forecast-" + this.forecastId + "." + ((this.occurrence != null) ? this.occurrence : 1) + ":" + step;
	}

	String hostname() {
		if (this.device == null) {
			return "unknown device";
		}
		return (this.device.hostname() != null && !this.device.hostname().isBlank()) ? this.device.hostname()
				: this.device.id();
	}

}
