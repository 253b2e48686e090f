package io.closeloop.workers.enrichment;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.JobFailures;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.TicketSummary;
import io.closeloop.workers.journal.AlertJournal;

/**
 * Gathers what a technician would look up first: the device's facts from the RMM and the
 * tickets already open for the device in the PSA.
 */
@Component
public class EnrichAlertWorker {

	static final String TYPE = "enrich-alert";

	private final RmmConnector rmm;

	private final PsaConnector psa;

	private final AlertJournal journal;

	EnrichAlertWorker(RmmConnector rmm, PsaConnector psa, AlertJournal journal) {
		this.rmm = rmm;
		this.psa = psa;
		this.journal = journal;
	}

	@JobWorker(type = TYPE)
	public Map<String, Object> enrich(ActivatedJob job, @VariablesAsType AlertVariables variables,
			@Variable(name = "ticket") TicketRef ownTicket) {
		AlertContext alert = variables.context();
		try {
			DeviceFacts device = this.rmm.deviceFacts(alert);
			String deviceId = (alert.device() != null) ? alert.device().id() : null;
			List<TicketSummary> openTickets = this.psa.openTicketsForDevice(alert.tenant(), deviceId)
				.stream()
				.filter((ticket) -> ownTicket == null || !ticket.id().equals(ownTicket.id()))
				.toList();
			this.journal.step(alert.alertId(), "Enriched",
					"device " + (device.online() ? "online" : "offline") + ", last seen " + device.lastSeen() + ", "
							+ openTickets.size() + " open ticket(s) for the device");
			return Map.of("enrichment", new Enrichment(device, openTickets));
		}
		catch (ConnectorException ex) {
			throw JobFailures.outage(job, ex);
		}
		catch (VendorRejectedException ex) {
			throw JobFailures.rejected(job, ex);
		}
	}

	/**
	 * The gathered context, kept as a process variable for the approver and the ticket.
	 */
	public record Enrichment(DeviceFacts device, List<TicketSummary> openTickets) {

	}

}
