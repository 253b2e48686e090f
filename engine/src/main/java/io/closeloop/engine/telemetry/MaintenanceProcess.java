package io.closeloop.engine.telemetry;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.CamundaClient;

/** Starts the proactive-maintenance process for an open forecast. */
@Component
class MaintenanceProcess {

	static final String PROCESS_ID = "proactive-maintenance";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private final CamundaClient client;

	MaintenanceProcess(CamundaClient client) {
		this.client = client;
	}

	/**
	 * Creates the instance and returns its key; throws when the engine cannot be reached.
	 */
	long start(TrendForecast forecast) {
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(PROCESS_ID)
			.latestVersion()
			.variables(variables(forecast))
			.requestTimeout(START_TIMEOUT)
			.send()
			.join()
			.getProcessInstanceKey();
	}

	Map<String, Object> variables(TrendForecast forecast) {
		Map<String, Object> device = new LinkedHashMap<>();
		device.put("id", forecast.getDeviceId());
		device.put("hostname", forecast.getDeviceHostname());

		Map<String, Object> variables = new HashMap<>();
		variables.put("forecastId", forecast.getId());
		variables.put("occurrence", forecast.getOccurrence());
		variables.put("tenant", forecast.getTenant());
		variables.put("device", device);
		variables.put("metric", forecast.getMetric());
		variables.put("exhaustionLevel", Exhaustion.of(forecast.getMetric()).map(Exhaustion::level).orElse(null));
		variables.put("currentValue", forecast.getCurrentValue());
		variables.put("projectedExhaustionAt", forecast.getProjectedExhaustionAt().toString());
		variables.put("daysLeft", forecast.getDaysLeft());
		variables.put("slope", forecast.getSlopePerDay());
		variables.put("rSquared", forecast.getRSquared());
		variables.put("samples", forecast.getSamples());
		return variables;
	}

}
