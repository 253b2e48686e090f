package io.closeloop.engine.alert;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records what correlation found an alert belongs to, on the alert and its timeline. */
@Component
public class AlertLinks {

	private final AlertRepository alerts;

	private final AlertEventRepository events;

	private final Clock clock;

	AlertLinks(AlertRepository alerts, AlertEventRepository events, Clock clock) {
		this.clock = clock;
		this.alerts = alerts;
		this.events = events;
	}

	@Transactional
	public void recurrence(long alertId, long earlierAlertId) {
		if (this.alerts.linkRecurrence(alertId, earlierAlertId) > 0) {
			this.events.save(new AlertEvent(alertId, this.clock.instant(), "Recurrence",
					"the same problem on the same device as alert " + earlierAlertId + " within 3 hours"));
		}
	}

	@Transactional
	public void incident(long incidentId, String category, List<Long> alertIds, int incidentSize) {
		for (long member : alertIds) {
			if (this.alerts.linkIncident(member, incidentId) > 0) {
				this.events.save(new AlertEvent(member, this.clock.instant(), "Cross-tenant incident",
						"part of incident " + incidentId + ": " + category + " on " + incidentSize
								+ " alerts from 5 or more clients within an hour"));
			}
		}
	}

}
