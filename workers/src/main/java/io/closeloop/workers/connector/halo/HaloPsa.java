package io.closeloop.workers.connector.halo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.IdempotencyMarker;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.TicketSummary;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.QueryString;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * HaloPSA as the ticketing system: tickets of a configured type for the client each
 * tenant maps to; notes, and the close, are actions on the ticket.
 * <p>
 * Halo takes no idempotency key, and creating a ticket or an action is never repeated
 * after an answer that came too late. So the key is written where it can be read back,
 * and looked for before writing: a ticket's summary ends with its
 * {@link IdempotencyMarker} (the summary is in every listing, so the marker is checked
 * exactly, not trusted to Halo's search), an action's note ends with it. A redelivered
 * job finds what the first delivery wrote instead of writing it twice. The escalation is
 * a ticket update, which changes nothing when sent twice.
 */
public class HaloPsa implements PsaConnector {

	private static final Logger log = LoggerFactory.getLogger(HaloPsa.class);

	/** Room for the marker behind the summary. */
	static final int SUMMARY_TEXT_LENGTH = 150;

	/** Enough for any device's open tickets; more pages are not read. */
	private static final int MAX_PAGES = 10;

	private final HaloPsaProperties properties;

	private final HaloApi api;

	HaloPsa(HaloPsaProperties properties, HaloApi api) {
		this.properties = properties;
		this.api = api;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static HaloPsa create(HaloPsaProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(HaloApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.clientSecret()), clock);
		return new HaloPsa(properties, new HaloApi(properties, http, new VendorJson(mapper), clock));
	}

	@Override
	public String system() {
		return HaloApi.VENDOR.name();
	}

	@Override
	public TicketRef openTicket(AlertContext alert, String summary, String description, String idempotencyKey) {
		int client = client(alert.tenant());
		JsonNode earlier = this.api.get("find-ticket",
				"/Tickets" + QueryString.of()
					.with("client_id", client)
					.with("search_summary", idempotencyKey)
					.with("pageinate", true)
					.with("page_size", this.properties.pageSize())
					.with("page_no", 1));
		for (JsonNode ticket : records(earlier, "tickets", "find-ticket")) {
			if (IdempotencyMarker.isIn(VendorJson.text(ticket, "summary"), idempotencyKey)) {
				return ticketRef(ticket, "find-ticket");
			}
		}
		String deviceId = (alert.device() != null) ? alert.device().id() : null;
		Map<String, Object> ticket = new LinkedHashMap<>();
		ticket.put("summary", truncate(summary) + " " + IdempotencyMarker.of(idempotencyKey));
		ticket.put("details_html", html(withDevice(description, deviceId)));
		ticket.put("tickettype_id", this.properties.ticketTypeId());
		ticket.put("client_id", client);
		putIfSet(ticket, "site_id", this.properties.sites().get(alert.tenant()));
		putIfSet(ticket, "status_id", this.properties.newStatusId());
		putIfSet(ticket, "priority_id", this.properties.priorityId());
		JsonNode created = this.api.post("open-ticket", Idempotence.NOT_IDEMPOTENT, "/Tickets", List.of(ticket));
		// Halo answers the ticket it created; some versions wrap it in a list.
		return ticketRef(created.isArray() ? created.path(0) : created, "open-ticket");
	}

	/**
	 * The client's open tickets that Halo's search finds the device id in (Closeloop's
	 * tickets carry it in their details).
	 */
	@Override
	public List<TicketSummary> openTicketsForDevice(String tenant, String deviceId) {
		if (deviceId == null || deviceId.isBlank()) {
			return List.of();
		}
		QueryString query = QueryString.of()
			.with("client_id", client(tenant))
			.with("open_only", true)
			.with("search", deviceId)
			.with("pageinate", true)
			.with("page_size", this.properties.pageSize());
		List<TicketSummary> tickets = new ArrayList<>();
		for (int page = 1; page <= MAX_PAGES; page++) {
			JsonNode answer = this.api.get("open-tickets", "/Tickets" + query.with("page_no", page));
			JsonNode records = records(answer, "tickets", "open-tickets");
			for (JsonNode ticket : records) {
				tickets.add(new TicketSummary(ticketRef(ticket, "open-tickets").id(),
						VendorJson.text(ticket, "summary"), status(ticket)));
			}
			if (records.size() < this.properties.pageSize()
					|| tickets.size() >= answer.path("record_count").asInt(Integer.MAX_VALUE)) {
				return tickets;
			}
		}
		log.warn("{} open-tickets: more than {} tickets for device {}; reading the first only",
				HaloApi.VENDOR.displayName(), tickets.size(), deviceId);
		return tickets;
	}

	@Override
	public void addNote(TicketRef ticket, String text, boolean internal, String idempotencyKey) {
		writeAction(ticket, text, internal, this.properties.noteOutcomeId(), null, idempotencyKey, "add-note");
	}

	/**
	 * One customer-visible action that carries the resolution and moves the ticket to the
	 * closed status.
	 */
	@Override
	public void closeTicket(TicketRef ticket, String resolution, String idempotencyKey) {
		Integer outcome = (this.properties.closeOutcomeId() != null) ? this.properties.closeOutcomeId()
				: this.properties.noteOutcomeId();
		writeAction(ticket, resolution, false, outcome, this.properties.closedStatusId(), idempotencyKey,
				"close-ticket");
	}

	/**
	 * Moves the ticket to the escalation status, and to the escalation team and agent
	 * when configured. The reason is in the note the escalation step writes before.
	 */
	@Override
	public void escalateTicket(TicketRef ticket, String reason, String idempotencyKey) {
		HaloPsaProperties.Escalation escalation = this.properties.escalation();
		Map<String, Object> update = new LinkedHashMap<>();
		update.put("id", ticketId(ticket));
		update.put("status_id", escalation.statusId());
		putIfSet(update, "team_id", escalation.teamId());
		putIfSet(update, "agent_id", escalation.agentId());
		this.api.post("escalate-ticket", Idempotence.IDEMPOTENT, "/Tickets", List.of(update));
	}

	private void writeAction(TicketRef ticket, String text, boolean hidden, Integer outcomeId, Integer newStatus,
			String idempotencyKey, String operation) {
		long ticketId = ticketId(ticket);
		JsonNode actions = this.api.get(operation + "-find-action",
				"/Actions" + QueryString.of().with("ticket_id", ticketId));
		for (JsonNode action : records(actions, "actions", operation + "-find-action")) {
			if (IdempotencyMarker.isIn(VendorJson.text(action, "note"), idempotencyKey)) {
				return;
			}
		}
		Map<String, Object> action = new LinkedHashMap<>();
		action.put("ticket_id", ticketId);
		action.put("outcome_id", outcomeId);
		action.put("note", IdempotencyMarker.append(text, idempotencyKey));
		action.put("hiddenfromuser", hidden);
		action.put("sendemail", false);
		putIfSet(action, "new_status", newStatus);
		this.api.post(operation, Idempotence.NOT_IDEMPOTENT, "/Actions", List.of(action));
	}

	private int client(String tenant) {
		Integer client = this.properties.clients().get(tenant);
		if (client == null) {
			throw new IllegalStateException("No Halo client is configured for tenant '" + tenant
					+ "': set closeloop.psa.halo.clients." + tenant + " to its client id");
		}
		return client;
	}

	private static long ticketId(TicketRef ticket) {
		String id = (ticket != null) ? ticket.id() : null;
		if (id == null || !id.matches("[0-9]{1,18}")) {
			throw new IllegalArgumentException("Not a HaloPSA ticket id: " + id);
		}
		return Long.parseLong(id);
	}

	private TicketRef ticketRef(JsonNode ticket, String operation) {
		return new TicketRef(system(),
				VendorJson.required(ticket, "id", HaloApi.VENDOR.displayName(), operation).asText());
	}

	private static String status(JsonNode ticket) {
		String name = VendorJson.text(ticket, "status");
		if (name == null) {
			name = VendorJson.text(ticket, "status_name");
		}
		return (name != null) ? name : "status " + VendorJson.text(ticket, "status_id");
	}

	private static JsonNode records(JsonNode answer, String field, String operation) {
		JsonNode records = answer.path(field);
		if (!records.isArray()) {
			throw new ConnectorException(
					HaloApi.VENDOR.displayName() + " " + operation + " answered without a '" + field + "' list");
		}
		return records;
	}

	private static void putIfSet(Map<String, Object> body, String field, Object value) {
		if (value != null) {
			body.put(field, value);
		}
	}

	private static String withDevice(String description, String deviceId) {
		String text = (description != null) ? description.stripTrailing() : "";
		if (deviceId == null || text.contains(deviceId)) {
			return text;
		}
		return text + "\nDevice id: " + deviceId;
	}

	private static String truncate(String summary) {
		String text = (summary != null) ? summary.strip() : "";
		return (text.length() <= SUMMARY_TEXT_LENGTH) ? text : text.substring(0, SUMMARY_TEXT_LENGTH - 1) + "…";
	}

	/** Plain text as HTML: escaped, line breaks kept. */
	static String html(String text) {
		StringBuilder html = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> html.append("&amp;");
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				case '\n' -> html.append("<br>");
				case '\r' -> {
				}
				default -> html.append(c);
			}
		}
		return html.toString();
	}

}
