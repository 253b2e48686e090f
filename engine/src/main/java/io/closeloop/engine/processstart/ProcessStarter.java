package io.closeloop.engine.processstart;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import io.camunda.client.CamundaClient;
import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.correlation.AlertCorrelator;

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

	private final AlertRepository alerts;

	private final AlertCorrelator correlator;

	ProcessStarter(CamundaClient client, ProcessSettings settings, ProcessStartSettings startSettings,
			AlertRepository alerts, AlertCorrelator correlator) {
		this.client = client;
		this.settings = settings;
		this.startSettings = startSettings;
		this.alerts = alerts;
		this.correlator = correlator;
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
		fields.put("metrics", alert.getMetrics());
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
		if (alert.getClassification() != null) {
			variables.put("classification", alert.getClassification());
		}
		variables.put("approvalSla", this.settings.approvalSla().toString());
		variables.put("scriptPollInterval", this.settings.scriptPollInterval().toString());
		variables.put("maxScriptPolls", this.settings.maxScriptPolls());
		variables.put("verifyRetryDelay", this.settings.verifyRetryDelay().toString());
		variables.put("maxVerifyAttempts", this.settings.maxVerifyAttempts());
		if (alert.getIncidentId() != null) {
			Map<String, Object> incident = new LinkedHashMap<>();
			incident.put("id", alert.getIncidentId());
			this.correlator.incidentReason(alert.getIncidentId()).ifPresent((reason) -> incident.put("reason", reason));
			variables.put("incident", incident);
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

}
