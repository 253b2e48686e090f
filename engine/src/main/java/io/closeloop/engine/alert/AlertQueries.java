package io.closeloop.engine.alert;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.engine.autonomy.AutonomyLedger;
import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Decision;
import io.closeloop.ui.security.TenantScope;

/** Reads alerts for the API, the UI and the approval desk. */
@Service
@Transactional(readOnly = true)
public class AlertQueries {

	private final AlertRepository alerts;

	private final AlertEventRepository events;

	private final FullMessageRepository fullMessages;

	private final AutonomyLedger autonomy;

	AlertQueries(AlertRepository alerts, AlertEventRepository events, FullMessageRepository fullMessages,
			AutonomyLedger autonomy) {
		this.alerts = alerts;
		this.events = events;
		this.fullMessages = fullMessages;
		this.autonomy = autonomy;
	}

	/** The latest alerts of the tenants in scope, newest first. */
	public List<Alert> recent(int limit, TenantScope scope) {
		return scope.everyTenant() ? this.alerts.findLatestWithDecision(PageRequest.of(0, limit))
				: this.alerts.findLatestWithDecision(scope.tenants(), PageRequest.of(0, limit));
	}

	/** How many of the caller's alerts are in each status; every status is listed. */
	public Map<AlertStatus, Long> countByStatus(TenantScope scope) {
		Map<AlertStatus, Long> counts = new EnumMap<>(AlertStatus.class);
		for (AlertStatus status : AlertStatus.values()) {
			counts.put(status, 0L);
		}
		List<AlertRepository.StatusCount> rows = scope.everyTenant() ? this.alerts.countByStatus()
				: this.alerts.countByStatus(scope.tenants());
		rows.forEach((row) -> counts.put(row.getStatus(), row.getCount()));
		return counts;
	}

	/**
	 * The alert, unless it belongs to a tenant out of scope (then empty, as if it did not
	 * exist).
	 */
	public Optional<AlertView> find(long id, TenantScope scope) {
		return this.alerts.findById(id).filter((alert) -> scope.allows(alert.getTenant())).map(this::view);
	}

	/**
	 * The alert's whole message (the message itself when it was never cut), unless the
	 * alert belongs to a tenant out of scope.
	 */
	public Optional<String> fullMessage(long id, TenantScope scope) {
		return this.alerts.findById(id)
			.filter((alert) -> scope.allows(alert.getTenant()))
			.map((alert) -> this.fullMessages.findById(id).map(FullMessage::getText).orElse(alert.getMessage()));
	}

	private AlertView view(Alert alert) {
		Decision decision = alert.getDecision();
		AlertView.Ticket ticket = (alert.getTicketId() != null)
				? new AlertView.Ticket(alert.getTicketSystem(), alert.getTicketId()) : null;
		List<AlertView.TimelineEntry> timeline = this.events.findByAlertIdOrderByIdAsc(alert.getId())
			.stream()
			.map((event) -> new AlertView.TimelineEntry(event.getAt(), event.getStep(), event.getDetail()))
			.toList();
		Optional<Integer> fullLength = this.fullMessages.findLengthByAlertId(alert.getId());
		return new AlertView(alert.getId(), alert.getStatus(), alert.getTenant(), alert.getSource(),
				alert.getExternalId(), alert.getType(), alert.getSeverity(), alert.getMessage(), fullLength.isPresent(),
				fullLength.orElse(alert.getMessage().length()),
				new AlertView.Device(alert.getDeviceId(), alert.getDeviceHostname(), alert.getDeviceOs(),
						alert.getDeviceRole()),
				alert.getMetrics(), alert.getClassification(), decision, ticket, alert.getEscalationReason(),
				alert.getOccurredAt(), alert.getReceivedAt(), timeline,
				alert.getStatus() == AlertStatus.ESCALATED && this.autonomy.wantsShadowOutcome(alert.getId(), decision),
				alert.getIncidentId(), alert.getRecurrenceOf());
	}

}
