package io.closeloop.engine.alert;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.engine.autonomy.AutonomyEvidence;
import io.closeloop.engine.autonomy.AutonomyLedger;
import io.closeloop.rules.AlertFact;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.Decision;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.journal.AlertStatus;

/** Keeps the workers' reports in the alert tables. */
@Component
@Transactional
class JpaAlertJournal implements AlertJournal {

	private final AlertRepository alerts;

	private final AlertEventRepository events;

	private final DecisionRecordRepository decisions;

	private final AutonomyLedger autonomy;

	private final ApplicationEventPublisher publisher;

	private final ObjectMapper objectMapper;

	private final Clock clock;

	JpaAlertJournal(AlertRepository alerts, AlertEventRepository events, DecisionRecordRepository decisions,
			AutonomyLedger autonomy, ApplicationEventPublisher publisher, ObjectMapper objectMapper, Clock clock) {
		this.clock = clock;
		this.alerts = alerts;
		this.events = events;
		this.decisions = decisions;
		this.autonomy = autonomy;
		this.publisher = publisher;
		this.objectMapper = objectMapper;
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
			step(alertId, "Ignored late step", label(status) + " arrived after the alert was " + alert.getStatus());
			return;
		}
		if (status == AlertStatus.ESCALATED) {
			alert.escalationReason(detail);
		}
		step(alertId, label(status), detail);
		if (status.isFinal()) {
			this.publisher.publishEvent(new AlertClosed(alertId, status));
		}
	}

	@Override
	public void ticket(long alertId, TicketRef ticket) {
		alert(alertId).ticket(ticket.system(), ticket.id());
	}

	@Override
	public void decision(long alertId, AlertFact input, Decision decision, String ruleSetVersion) {
		Alert alert = alert(alertId);
		alert.decided(decision, ruleSetVersion);
		this.decisions.save(new DecisionRecord(alertId, alert.getTenant(), this.clock.instant(), ruleSetVersion,
				json(input), decision.category(), decision.tier().name(), decision.remediation(), decision.confidence(),
				(decision.mode() != null) ? decision.mode().name() : null, decision.path().name(),
				String.join("\n", decision.rulesFired()), String.join("\n", decision.reasons()),
				String.join("\n", decision.pathReasons())));
		step(alertId, "Decided",
				decision.tier() + ", " + ((decision.remediation() != null)
						? decision.remediation() + " at confidence " + decision.confidence() : "no known remediation")
						+ "; " + describe(decision));
	}

	@Override
	public void outcome(long alertId, boolean success, String detail) {
		Alert alert = alert(alertId);
		if (alert.getDecisionCategory() != null && alert.getDecisionMode() != null) {
			this.autonomy.record(new AutonomyEvidence(alertId, alert.getDecisionCategory(),
					AutonomyMode.valueOf(alert.getDecisionMode()), alert.getDecisionTier(), alert.getDecisionPath(),
					success, AutonomyEvidence.Source.AUTOMATED, detail, "closeloop"));
		}
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

	private static String label(AlertStatus status) {
		return switch (status) {
			case RECEIVED -> "Received";
			case AWAITING_APPROVAL -> "Awaiting approval";
			case REMEDIATING -> "Remediating";
			case VERIFYING -> "Verifying";
			case RESOLVED -> "Resolved";
			case ESCALATED -> "Escalated";
			case CLEARED -> "Cleared at source";
		};
	}

}
