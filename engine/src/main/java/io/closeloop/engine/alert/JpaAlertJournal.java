package io.closeloop.engine.alert;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.engine.autonomy.AutonomyEvidence;
import io.closeloop.engine.autonomy.AutonomyLedger;
import io.closeloop.rules.AlertFact;
import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Classification;
import io.closeloop.rules.Decision;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.AlertJournal;

/**
 * The one writer of an alert's status and timeline: the workers report through it, and so
 * does the rest of the application (intake, correlation, the outbox, recovery).
 */
@Component
@Transactional
public class JpaAlertJournal implements AlertJournal {

	private final AlertRepository alerts;

	private final AlertEventRepository events;

	private final DecisionRecordRepository decisions;

	private final AutonomyLedger autonomy;

	private final ApplicationEventPublisher publisher;

	private final ObjectMapper objectMapper;

	private final Clock clock;

	JpaAlertJournal(AlertRepository alerts, AlertEventRepository events, DecisionRecordRepository decisions,
			AutonomyLedger autonomy, ApplicationEventPublisher publisher, ObjectMapper objectMapper, Clock clock) {
		this.alerts = alerts;
		this.events = events;
		this.decisions = decisions;
		this.autonomy = autonomy;
		this.publisher = publisher;
		this.objectMapper = objectMapper;
		this.clock = clock;
	}

	@Override
	public void step(long alertId, String step, String detail) {
		this.events.save(new AlertEvent(alertId, this.clock.instant(), step, detail));
	}

	@Override
	public void status(long alertId, AlertStatus status, String detail) {
		Alert alert = alert(alertId);
		if (alert.getStatus() == status && status.isFinal()) {
			// A redelivered job repeating what is already recorded.
			return;
		}
		if (!alert.moveTo(status)) {
			step(alertId, "Ignored late step", status.label() + " arrived after the alert was " + alert.getStatus());
			return;
		}
		if (status == AlertStatus.ESCALATED) {
			alert.escalationReason(detail);
		}
		step(alertId, status.label(), detail);
		if (status.isFinal()) {
			this.publisher.publishEvent(new AlertClosed(alertId, status));
		}
	}

	@Override
	public void ticket(long alertId, TicketRef ticket) {
		alert(alertId).ticket(ticket.system(), ticket.id());
	}

	@Override
	public void decision(long alertId, AlertFact input, Decision decision) {
		Alert alert = alert(alertId);
		alert.decided(this.decisions
			.save(new DecisionRecord(alertId, alert.getTenant(), this.clock.instant(), json(input), decision)));
		step(alertId, "Decided",
				decision.tier() + ", " + ((decision.remediation() != null)
						? decision.remediation() + " at confidence " + decision.confidence() : "no known remediation")
						+ "; " + describe(decision));
	}

	@Override
	public void outcome(long alertId, boolean success, String detail) {
		Alert alert = alert(alertId);
		Decision decision = alert.getDecision();
		if (decision != null && decision.category() != null && decision.mode() != null) {
			this.autonomy.record(new AutonomyEvidence(alertId, alert.getTenant(), decision.category(), decision.mode(),
					decision.tier().name(), decision.path().name(), success, AutonomyEvidence.Source.AUTOMATED, detail,
					"closeloop"));
		}
	}

	/** Records how the alert was classified, before its process first starts. */
	public void classified(long alertId, Classification classification) {
		alert(alertId).classified(classification);
	}

	/** Links the alert to the earlier one it is a recurrence of, once. */
	public void recurrence(long alertId, long earlierAlertId, String reason) {
		if (this.alerts.linkRecurrence(alertId, earlierAlertId) > 0) {
			step(alertId, "Recurrence", "the same problem as alert " + earlierAlertId + ": " + reason);
		}
	}

	/** Links the alerts to their cross-tenant incident, each once. */
	public void incident(long incidentId, String category, List<Long> alertIds, int incidentSize, String reason) {
		for (long member : alertIds) {
			if (this.alerts.linkIncident(member, incidentId) > 0) {
				step(member, "Cross-tenant incident", "part of incident " + incidentId + ": " + category + " on "
						+ incidentSize + " alerts, " + reason);
			}
		}
	}

	/** Records that the engine took the alert's start of this generation. */
	public void processStarted(long alertId, int generation, String reason, String engineIncarnation) {
		this.alerts.processStarted(alertId, generation);
		this.alerts.processRunsOn(alertId, engineIncarnation);
		step(alertId, "Process started",
				(generation == 1) ? "the engine took the alert" : "start " + generation + ": " + reason);
	}

	private static String describe(Decision decision) {
		String mode = (decision.mode() != null) ? decision.category() + " in " + decision.mode() + " mode"
				: "no category";
		return mode + ": " + switch (decision.path()) {
			case ACT -> "acting alone";
			case APPROVE -> "asking a technician";
			case SHADOW -> "recording only (shadow)";
			case PERSON -> "for a person";
		};
	}

	private String json(AlertFact input) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("tenant", input.getTenant());
		fields.put("type", input.getType());
		fields.put("severity", input.getSeverity());
		fields.put("message", input.getMessage());
		fields.put("deviceRole", input.getDeviceRole());
		fields.put("os", input.getOs());
		fields.put("metrics", input.getMetrics());
		try {
			return this.objectMapper.writeValueAsString(fields);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Decision input cannot be written as JSON", ex);
		}
	}

	private Alert alert(long alertId) {
		return this.alerts.findById(alertId)
			.orElseThrow(() -> new IllegalArgumentException("No alert " + alertId + " to record a step for"));
	}

}
