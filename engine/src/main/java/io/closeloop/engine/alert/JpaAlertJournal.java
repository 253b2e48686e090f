package io.closeloop.engine.alert;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

	private final ApplicationEventPublisher publisher;

	private final Clock clock = Clock.systemUTC();

	JpaAlertJournal(AlertRepository alerts, AlertEventRepository events, ApplicationEventPublisher publisher) {
		this.alerts = alerts;
		this.events = events;
		this.publisher = publisher;
	}

	@Override
	public void step(long alertId, String step, String detail) {
		this.events.save(new AlertEvent(alertId, this.clock.instant(), step, detail));
	}

	@Override
	public void status(long alertId, AlertStatus status, String detail) {
		Alert alert = alert(alertId);
		alert.moveTo(status);
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
	public void decision(long alertId, Decision decision, String ruleSetVersion) {
		alert(alertId).decided(decision, ruleSetVersion);
		step(alertId, "Decided", decision.tier() + ", " + ((decision.remediation() != null)
				? decision.remediation() + " at confidence " + decision.confidence() : "no known remediation"));
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
		};
	}

}
