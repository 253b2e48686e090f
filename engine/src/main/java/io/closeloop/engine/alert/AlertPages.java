package io.closeloop.engine.alert;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.closeloop.rules.Decision;
import io.closeloop.ui.alerts.AlertBoard;
import io.closeloop.ui.alerts.AlertDetail;
import io.closeloop.ui.alerts.AlertRow;
import io.closeloop.ui.security.TenantScope;

/** The alerts as the UI's pages ask for them. */
@Component
class AlertPages implements AlertBoard {

	private final AlertQueries queries;

	AlertPages(AlertQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<AlertRow> recent(int limit, TenantScope scope) {
		return this.queries.recent(limit, scope).stream().map(AlertPages::row).toList();
	}

	@Override
	public Optional<AlertDetail> find(long id, TenantScope scope) {
		return this.queries.find(id, scope).map(AlertPages::detail);
	}

	@Override
	public Optional<String> fullMessage(long id, TenantScope scope) {
		return this.queries.fullMessage(id, scope);
	}

	private static AlertRow row(Alert alert) {
		Decision decision = alert.getDecision();
		return new AlertRow(alert.getId(), alert.getTenant(), alert.getType(), alert.getDeviceHostname(),
				alert.getStatus(), (decision != null) ? decision.tier() : null, alert.getReceivedAt());
	}

	private static AlertDetail detail(AlertView alert) {
		AlertView.Device device = alert.device();
		return new AlertDetail(alert.id(), alert.status(), alert.tenant(), alert.source(), alert.externalId(),
				alert.type(), alert.severity(), alert.message(), alert.messageTruncated(), alert.messageLength(),
				new AlertDetail.Device(device.id(), device.hostname(), device.os(), device.role()), alert.metrics(),
				alert.decision(),
				(alert.ticket() != null)
						? new AlertDetail.TicketView(alert.ticket().system(), alert.ticket().id()) : null,
				alert.escalationReason(), alert.occurredAt(), alert.receivedAt(),
				alert.timeline()
					.stream()
					.map((entry) -> new AlertDetail.TimelineEntry(entry.at(), entry.step(), entry.detail()))
					.toList(),
				alert.shadowOutcomeWanted(), alert.incidentId(), alert.recurrenceOf());
	}

}
