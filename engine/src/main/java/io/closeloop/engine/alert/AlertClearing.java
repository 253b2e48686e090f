package io.closeloop.engine.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.closeloop.rules.AlertStatus;
import io.grpc.Status;

/**
 * Lets go of an alert its source reports resolved (an RMM's "resolved" or "reset"). An
 * alert already final stays as it is; one whose process has not started is marked
 * {@link AlertStatus#CLEARED} so it is never started; one in flight is told through the
 * {@value #MESSAGE} message, whose event subprocess closes the ticket and records the
 * final status.
 */
@Service
public class AlertClearing {

	/** The message the alert-to-resolution process waits for, keyed by the alert id. */
	public static final String MESSAGE = "alert-cleared";

	/**
	 * Long enough for an instance that is just being started (the alert stored, its
	 * process on its way) to open its subscription and still get the message.
	 */
	static final Duration MESSAGE_TTL = Duration.ofMinutes(5);

	private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(AlertClearing.class);

	private final AlertRepository alerts;

	private final JpaAlertJournal journal;

	private final CamundaClient client;

	private final Clock clock;

	AlertClearing(AlertRepository alerts, JpaAlertJournal journal, CamundaClient client, Clock clock) {
		this.clock = clock;
		this.alerts = alerts;
		this.journal = journal;
		this.client = client;
	}

	/**
	 * Clears the alert the source knows by this id.
	 * @param tenants the tenants the caller may clear alerts of: another client's alert
	 * of the same id is left alone, as if it did not exist
	 * @param source the alert's source, as it was received
	 * @param externalId the source's id for the alert
	 * @param why what the source said, for the timeline
	 */
	public Cleared clear(Collection<String> tenants, String source, String externalId, String why) {
		Optional<Alert> found = tenants.isEmpty() ? Optional.empty()
				: this.alerts.findAllBySourceAndExternalIdForTenants(source, externalId, tenants).stream().findFirst();
		if (found.isEmpty()) {
			return new Cleared(Outcome.UNKNOWN, null, null);
		}
		Alert alert = found.get();
		long id = alert.getId();
		if (alert.getStatus().isFinal()) {
			return new Cleared(Outcome.ALREADY_FINAL, id, alert.getStatus().name());
		}
		if (alert.getProcessGeneration() == 0 && alert.getStatus() == AlertStatus.RECEIVED) {
			this.journal.status(id, AlertStatus.CLEARED, why + "; its process had not started and never will");
			// The process may be starting at this very moment: the message waits for it.
			tellProcess(id, source);
			return new Cleared(Outcome.CLEARED_BEFORE_START, id, currentStatus(id));
		}
		this.journal.step(id, "Clear received", why + "; the process is told to stop");
		if (!tellProcess(id, source)) {
			return new Cleared(Outcome.ENGINE_UNAVAILABLE, id, currentStatus(id));
		}
		return new Cleared(Outcome.CLEARING, id, currentStatus(id));
	}

	/** Publishes the message; false when the engine could not be reached. */
	private boolean tellProcess(long alertId, String source) {
		try {
			this.client.newPublishMessageCommand()
				.messageName(MESSAGE)
				.correlationKey(String.valueOf(alertId))
				// One clear per alert: a repeated delivery is the same message.
				.messageId(MESSAGE + "-" + alertId)
				.timeToLive(MESSAGE_TTL)
				.variables(Map.of("clearedBy", source, "clearedAt", this.clock.instant().toString()))
				.requestTimeout(PUBLISH_TIMEOUT)
				.send()
				.join();
			return true;
		}
		catch (ClientStatusException ex) {
			if (ex.getStatusCode() == Status.Code.ALREADY_EXISTS) {
				return true;
			}
			log.warn("Could not tell the process of alert {} that it was cleared: {}", alertId, ex.getMessage());
			return false;
		}
		catch (RuntimeException ex) {
			log.warn("Could not tell the process of alert {} that it was cleared: {}", alertId, ex.getMessage());
			return false;
		}
	}

	private String currentStatus(long alertId) {
		return this.alerts.findById(alertId).map((alert) -> alert.getStatus().name()).orElse(null);
	}

	/** What clearing did. */
	public enum Outcome {

		/** No alert from this source has this id. */
		UNKNOWN,
		/** The alert had reached a final status before; nothing changed. */
		ALREADY_FINAL,
		/** The alert was stored but not started: it is cleared and never starts. */
		CLEARED_BEFORE_START,
		/** The alert's process was told; it closes the ticket and records the status. */
		CLEARING,
		/** The alert is in flight and the engine could not be told; try again. */
		ENGINE_UNAVAILABLE

	}

	/** The outcome, with the alert's id and status when there is one. */
	public record Cleared(Outcome outcome, Long alertId, String status) {

	}

}
