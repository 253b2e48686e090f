package io.closeloop.workers.enrichment;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DocumentationConnector;
import io.closeloop.workers.connector.DocumentationLink;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.TicketSummary;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.scope.DeviceScopeCheck;

/**
 * Gathers what a technician would look up first: the device's facts from the RMM, the
 * tickets already open for the device in the PSA, and where the client and the device are
 * documented. Nothing is read of a device before the RMM confirms it is the alert's
 * tenant's.
 */
@Component
public class EnrichAlertWorker {

	static final String TYPE = "enrich-alert";

	private static final Logger log = LoggerFactory.getLogger(EnrichAlertWorker.class);

	private final RmmConnector rmm;

	private final PsaConnector psa;

	private final DocumentationConnector documentation;

	private final AlertJournal journal;

	private final DeviceScopeCheck scope;

	EnrichAlertWorker(RmmConnector rmm, PsaConnector psa, DocumentationConnector documentation, AlertJournal journal,
			DeviceScopeCheck scope) {
		this.rmm = rmm;
		this.scope = scope;
		this.psa = psa;
		this.documentation = documentation;
		this.journal = journal;
	}

	@JobWorker(type = TYPE)
	public Map<String, Object> enrich(ActivatedJob job, @VariablesAsType AlertVariables variables,
			@Variable(name = "ticket") TicketRef ownTicket) {
		AlertContext alert = variables.context();
		this.scope.confirm(alert, "enrichment");
		DeviceFacts device = this.rmm.deviceFacts(alert);
		String deviceId = (alert.device() != null) ? alert.device().id() : null;
		List<TicketSummary> openTickets = this.psa.openTicketsForDevice(alert.tenant(), deviceId)
			.stream()
			.filter((ticket) -> ownTicket == null || !ticket.id().equals(ownTicket.id()))
			.toList();
		Enrichment enrichment = documented(new Enrichment(device, openTickets, List.of(), null), alert);
		this.journal.step(alert.alertId(), "Enriched",
				"device " + (device.online() ? "online" : "offline") + ", last seen " + device.lastSeen() + ", "
						+ openTickets.size() + " open ticket(s) for the device"
						+ ((enrichment.documentationNote() != null) ? "; documentation unavailable"
								: ", " + enrichment.documentation().size() + " documentation link(s)"));
		return Map.of("enrichment", enrichment);
	}

	/**
	 * The enrichment with the documentation links. Documentation helps a person but no
	 * step needs it: when the system fails, for whatever reason, the alert goes on and
	 * the note says so.
	 */
	private Enrichment documented(Enrichment enrichment, AlertContext alert) {
		try {
			return enrichment.withDocumentation(this.documentation.lookUp(alert), null);
		}
		catch (RuntimeException ex) {
			log.warn("Alert {}: documentation unavailable from {}: {}", alert.alertId(), this.documentation.system(),
					ex.getMessage());
			log.debug("Alert {}: documentation lookup failed", alert.alertId(), ex);
			return enrichment.withDocumentation(List.of(),
					"Documentation unavailable (" + this.documentation.system() + "): " + ex.getMessage());
		}
	}

	/**
	 * The gathered context, kept as a process variable for the approver and the ticket.
	 *
	 * @param device what the RMM reports about the device
	 * @param openTickets other tickets open for the device
	 * @param documentation where the client and the device are documented
	 * @param documentationNote why there is no documentation, when the lookup failed;
	 * null otherwise
	 */
	public record Enrichment(DeviceFacts device, List<TicketSummary> openTickets, List<DocumentationLink> documentation,
			String documentationNote) {

		public Enrichment {
			documentation = (documentation != null) ? List.copyOf(documentation) : List.of();
		}

		Enrichment withDocumentation(List<DocumentationLink> links, String note) {
			return new Enrichment(this.device, this.openTickets, links, note);
		}

	}

}
