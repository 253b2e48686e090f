package io.closeloop.workers.maintenance;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.SideEffects;

/**
 * Opens the scheduled-maintenance ticket for a forecast in the PSA, once per forecast
 * occurrence however often the job is delivered.
 */
@Component
public class OpenMaintenanceTicketWorker {

	static final String TYPE = "open-maintenance-ticket";

	private final PsaConnector psa;

	private final SideEffects sideEffects;

	OpenMaintenanceTicketWorker(PsaConnector psa, SideEffects sideEffects) {
		this.psa = psa;
		this.sideEffects = sideEffects;
	}

	@JobWorker(type = TYPE)
	public Map<String, Object> openTicket(ActivatedJob job, @VariablesAsType MaintenanceForecast forecast) {
		if (forecast.forecastId() == null || forecast.metric() == null) {
			// A defect in whoever started the instance: no retry will fix it.
			throw new IllegalArgumentException("A proactive-maintenance instance needs forecastId and metric");
		}
		String key = forecast.idempotencyKey("open-maintenance-ticket");
		TicketRef ticket = this.sideEffects.once(key, TicketRef.class,
				() -> this.psa.openTicket(forecast.context(MaintenanceTexts.message(forecast)),
						MaintenanceTexts.summary(forecast), MaintenanceTexts.description(forecast), key));
		return Map.of("ticket", ticket);
	}

}
