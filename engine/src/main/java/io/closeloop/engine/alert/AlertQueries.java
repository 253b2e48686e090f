package io.closeloop.engine.alert;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.engine.autonomy.AutonomyLedger;
import io.closeloop.ui.alerts.AlertBoard;
import io.closeloop.ui.alerts.AlertDetail;
import io.closeloop.ui.alerts.AlertRow;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.workers.journal.AlertStatus;

/** Reads alerts for the API and the UI. */
@Service
@Transactional(readOnly = true)
class AlertQueries implements AlertBoard {

	private final AlertRepository alerts;

	private final AlertEventRepository events;

	private final ProcessStarter starter;

	private final AutonomyLedger autonomy;

	AlertQueries(AlertRepository alerts, AlertEventRepository events, ProcessStarter starter, AutonomyLedger autonomy) {
		this.alerts = alerts;
		this.events = events;
		this.starter = starter;
		this.autonomy = autonomy;
	}

	@Override
	public List<AlertRow> recent(int limit, TenantScope scope) {
		List<Alert> latest = scope.everyTenant() ? this.alerts.findByOrderByIdDesc(PageRequest.of(0, limit))
				: this.alerts.findByTenantInOrderByIdDesc(scope.tenants(), PageRequest.of(0, limit));
		return latest.stream()
			.map((alert) -> new AlertRow(alert.getId(), alert.getTenant(), alert.getType(), alert.getDeviceHostname(),
					alert.getStatus().name(), alert.getDecisionTier(), alert.getReceivedAt()))
			.toList();
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

	@Override
	public Optional<AlertDetail> find(long id, TenantScope scope) {
		return this.alerts.findById(id).filter((alert) -> scope.allows(alert.getTenant())).map(this::detail);
	}

	private AlertDetail detail(Alert alert) {
		AlertDetail.DecisionView decision = (alert.getDecisionTier() != null) ? new AlertDetail.DecisionView(
				alert.getDecisionTier(), alert.getDecisionCategory(), alert.getDecisionRemediation(),
				(alert.getDecisionConfidence() != null) ? alert.getDecisionConfidence() : 0.0,
				lines(alert.getDecisionRulesFired()), lines(alert.getDecisionReasons()), alert.getRuleSetVersion(),
				alert.getDecisionMode(), alert.getDecisionPath(), lines(alert.getDecisionPathReasons())) : null;
		AlertDetail.TicketView ticket = (alert.getTicketId() != null)
				? new AlertDetail.TicketView(alert.getTicketSystem(), alert.getTicketId()) : null;
		List<AlertDetail.TimelineEntry> timeline = this.events.findByAlertIdOrderByIdAsc(alert.getId())
			.stream()
			.map((event) -> new AlertDetail.TimelineEntry(event.getAt(), event.getStep(), event.getDetail()))
			.toList();
		return new AlertDetail(alert.getId(), alert.getStatus().name(), alert.getTenant(), alert.getSource(),
				alert.getExternalId(), alert.getType(), alert.getSeverity(), alert.getMessage(),
				new AlertDetail.Device(alert.getDeviceId(), alert.getDeviceHostname(), alert.getDeviceOs(),
						alert.getDeviceRole()),
				this.starter.metrics(alert.getMetricsJson()), decision, ticket, alert.getEscalationReason(),
				alert.getOccurredAt(), alert.getReceivedAt(), timeline,
				alert.getStatus() == AlertStatus.ESCALATED && this.autonomy.wantsShadowOutcome(alert),
				alert.getIncidentId(), alert.getRecurrenceOf());
	}

	private static List<String> lines(String text) {
		return (text == null || text.isEmpty()) ? List.of() : Arrays.asList(text.split("\n"));
	}

}
