package io.closeloop.engine.alert;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camunda.client.CamundaClient;

/** Starts the alert-to-resolution process for a stored alert. */
@Component
class ProcessStarter {

	static final String PROCESS_ID = "alert-to-resolution";

	/** The name of the message that starts an alert's process. */
	static final String START_MESSAGE = "alert-received";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private final CamundaClient client;

	private final ProcessSettings settings;

	private final ProcessStartSettings startSettings;

	private final ObjectMapper json;

	private final AlertRepository alerts;

	ProcessStarter(CamundaClient client, ProcessSettings settings, ProcessStartSettings startSettings,
			ObjectMapper json, AlertRepository alerts) {
		this.client = client;
		this.settings = settings;
		this.startSettings = startSettings;
		this.json = json;
		this.alerts = alerts;
	}

	/**
	 * Sends the message that starts the alert's process. The message id names the alert
	 * and the generation, so a start sent again (its answer was lost to a timeout) is
	 * refused by the engine instead of starting a second instance; the correlation key
	 * keeps a second instance from starting while one runs.
	 * @return the engine's answer; fails when the engine cannot be reached or refuses
	 */
	CompletableFuture<?> start(Alert alert, int generation) {
		Map<String, Object> variables = variables(alert);
		variables.put("processGeneration", generation);
		return this.client.newPublishMessageCommand()
			.messageName(START_MESSAGE)
			.correlationKey(correlationKey(alert.getId()))
			.messageId(messageId(alert.getId(), generation))
			.timeToLive(this.startSettings.messageTtl())
			.variables(variables)
			.requestTimeout(START_TIMEOUT)
			.send()
			.toCompletableFuture();
	}

	static String correlationKey(long alertId) {
		return "alert-" + alertId;
	}

	static String messageId(long alertId, int generation) {
		return "alert-" + alertId + "-start-" + generation;
	}

	Map<String, Object> variables(Alert alert) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("source", alert.getSource());
		fields.put("externalId", alert.getExternalId());
		fields.put("type", alert.getType());
		fields.put("severity", alert.getSeverity());
		fields.put("message", alert.getMessage());
		fields.put("metrics", metrics(alert.getMetricsJson()));
		Map<String, Object> device = new LinkedHashMap<>();
		device.put("id", alert.getDeviceId());
		device.put("hostname", alert.getDeviceHostname());
		device.put("os", alert.getDeviceOs());
		device.put("role", alert.getDeviceRole());

		Map<String, Object> variables = new HashMap<>();
		variables.put("alertId", alert.getId());
		variables.put("tenant", alert.getTenant());
		variables.put("alert", fields);
		variables.put("device", device);
		variables.put("approvalSla", this.settings.approvalSla().toString());
		variables.put("scriptPollInterval", this.settings.scriptPollInterval().toString());
		variables.put("maxScriptPolls", this.settings.maxScriptPolls());
		variables.put("verifyRetryDelay", this.settings.verifyRetryDelay().toString());
		variables.put("maxVerifyAttempts", this.settings.maxVerifyAttempts());
		if (alert.getIncidentId() != null) {
			variables.put("incident", Map.of("id", alert.getIncidentId()));
		}
		else if (alert.getTicketId() != null && alert.getSource().equals(alert.getTicketSystem())
				&& alert.getExternalId().equals(alert.getTicketId())) {
			// Raised by a ticket of the PSA Closeloop works in: work on that ticket.
			variables.put("ticket", Map.of("system", alert.getTicketSystem(), "id", alert.getTicketId()));
		}
		else if (alert.getRecurrenceOf() != null) {
			// A recurrence goes on the earlier alert's ticket instead of a fresh one.
			this.alerts.findById(alert.getRecurrenceOf())
				.filter((earlier) -> earlier.getTicketId() != null)
				.ifPresent((earlier) -> variables.put("ticket",
						Map.of("system", earlier.getTicketSystem(), "id", earlier.getTicketId())));
		}
		return variables;
	}

	Map<String, Double> metrics(String metricsJson) {
		if (metricsJson == null || metricsJson.isBlank()) {
			return Map.of();
		}
		try {
			return this.json.readValue(metricsJson, new TypeReference<Map<String, Double>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored metrics are not valid JSON", ex);
		}
	}

	String metricsJson(Map<String, Double> metrics) {
		try {
			return (metrics == null || metrics.isEmpty()) ? null : this.json.writeValueAsString(metrics);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Metrics cannot be written as JSON", ex);
		}
	}

}
