package io.closeloop.workers.connector.autotask;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.TicketSummary;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Autotask PSA. A tenant is an Autotask company; the alert's device is the configuration
 * item whose {@code deviceField} holds the device id, found by a lookup and set as the
 * ticket's {@code configurationItemID}, so the tickets of a device include those a
 * technician opened by hand.
 * <p>
 * Writes that create something are never repeated after an ambiguous answer; instead the
 * idempotency key goes where it can be found again (a ticket's {@code externalID}, a
 * note's title) and is looked for before creating, so a redelivered job finds what the
 * first delivery made. Status changes set values and are safe to repeat.
 */
public class AutotaskPsa implements PsaConnector {

	private static final Logger log = LoggerFactory.getLogger(AutotaskPsa.class);

	// Field lengths of the Tickets and TicketNotes entities.
	private static final int TITLE_MAX = 255;

	private static final int DESCRIPTION_MAX = 8000;

	private static final int NOTE_TITLE_MAX = 250;

	private static final int NOTE_MAX = 32000;

	private static final int EXTERNAL_ID_MAX = 50;

	private final AutotaskPsaProperties properties;

	private final AutotaskApi api;

	private final Clock clock;

	AutotaskPsa(AutotaskPsaProperties properties, AutotaskApi api, Clock clock) {
		this.properties = properties;
		this.api = api;
		this.clock = clock;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static AutotaskPsa create(AutotaskPsaProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(AutotaskApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.secret(), properties.integrationCode()), clock);
		return new AutotaskPsa(properties, new AutotaskApi(properties, http, new VendorJson(mapper)), clock);
	}

	@Override
	public String system() {
		return AutotaskApi.VENDOR.name();
	}

	@Override
	public TicketRef openTicket(AlertContext alert, String summary, String description, String idempotencyKey) {
		long company = company(alert.tenant());
		String externalId = externalId(idempotencyKey);
		JsonNode earlier = this.api.query("find-ticket", "Tickets", List.of(eq("externalID", externalId)));
		if (!earlier.isEmpty()) {
			// A delivery before this one opened it; its answer was lost.
			return new TicketRef(AutotaskApi.VENDOR.name(),
					VendorJson.required(earlier.get(0), "id", AutotaskApi.VENDOR.displayName(), "find-ticket")
						.asText());
		}
		AutotaskPsaProperties.Ticket settings = this.properties.ticket();
		Map<String, Object> ticket = new LinkedHashMap<>();
		ticket.put("companyID", company);
		Long configurationItem = configurationItem(company, deviceId(alert));
		if (configurationItem != null) {
			ticket.put("configurationItemID", configurationItem);
		}
		ticket.put("queueID", settings.queueId());
		ticket.put("status", settings.newStatus());
		ticket.put("priority", settings.priorityFor(alert.severity()));
		// Autotask's own sample sends it; the API stores times in UTC.
		ticket.put("dueDateTime",
				this.clock.instant()
					.plus(settings.dueInFor(alert.severity()))
					.truncatedTo(ChronoUnit.SECONDS)
					.toString());
		putIfSet(ticket, "source", settings.source());
		putIfSet(ticket, "ticketType", settings.ticketType());
		putIfSet(ticket, "issueType", settings.issueType());
		putIfSet(ticket, "subIssueType", settings.subIssueType());
		ticket.put("title", cut(summary, TITLE_MAX));
		ticket.put("description", cut(description, DESCRIPTION_MAX));
		ticket.put("externalID", externalId);
		long id = this.api.create("open-ticket", "/Tickets", ticket);
		return new TicketRef(AutotaskApi.VENDOR.name(), Long.toString(id));
	}

	@Override
	public List<TicketSummary> openTicketsForDevice(String tenant, String deviceId) {
		if (deviceId == null || deviceId.isBlank()) {
			return List.of();
		}
		Long configurationItem = configurationItem(company(tenant), deviceId);
		if (configurationItem == null) {
			log.debug("Autotask has no configuration item with {} {}: no tickets to list",
					this.properties.deviceField(), deviceId);
			return List.of();
		}
		JsonNode items = this.api.query("open-tickets", "Tickets", List.of(eq("configurationItemID", configurationItem),
				condition("noteq", "status", this.properties.ticket().completeStatus())));
		List<TicketSummary> tickets = new ArrayList<>();
		for (JsonNode item : items) {
			tickets.add(new TicketSummary(
					VendorJson.required(item, "id", AutotaskApi.VENDOR.displayName(), "open-tickets").asText(),
					VendorJson.text(item, "title"), VendorJson.text(item, "status")));
		}
		return tickets;
	}

	@Override
	public void addNote(TicketRef ticket, String text, boolean internal, String idempotencyKey) {
		long ticketId = ticketId(ticket);
		String title = cut("Closeloop [" + idempotencyKey + "]", NOTE_TITLE_MAX);
		JsonNode earlier = this.api.query("find-note", "TicketNotes",
				List.of(eq("ticketID", ticketId), eq("title", title)));
		if (!earlier.isEmpty()) {
			return;
		}
		AutotaskPsaProperties.Notes notes = this.properties.notes();
		Map<String, Object> note = new LinkedHashMap<>();
		note.put("ticketID", ticketId);
		note.put("title", title);
		note.put("description", cut(text, NOTE_MAX));
		note.put("noteType", notes.noteType());
		note.put("publish", internal ? notes.publishInternal() : notes.publishCustomer());
		this.api.create("add-note", "/Tickets/" + ticketId + "/Notes", note);
	}

	@Override
	public void closeTicket(TicketRef ticket, String resolution, String idempotencyKey) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", ticketId(ticket));
		fields.put("status", this.properties.ticket().completeStatus());
		fields.put("resolution", cut(resolution, NOTE_MAX));
		this.api.update("close-ticket", "Tickets", fields);
	}

	/**
	 * Moves the ticket to the escalation status and queue. The reason is in the note the
	 * escalation step writes just before.
	 */
	@Override
	public void escalateTicket(TicketRef ticket, String reason, String idempotencyKey) {
		AutotaskPsaProperties.Escalation escalation = this.properties.escalation();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", ticketId(ticket));
		putIfSet(fields, "status", escalation.status());
		putIfSet(fields, "queueID", escalation.queueId());
		this.api.update("escalate-ticket", "Tickets", fields);
	}

	private Long configurationItem(long company, String deviceId) {
		if (deviceId == null || deviceId.isBlank()) {
			return null;
		}
		JsonNode items = this.api.query("find-device", "ConfigurationItems",
				List.of(eq("companyID", company), eq(this.properties.deviceField(), deviceId), eq("isActive", true)));
		return items.isEmpty() ? null
				: VendorJson.required(items.get(0), "id", AutotaskApi.VENDOR.displayName(), "find-device").asLong();
	}

	private long company(String tenant) {
		Long company = this.properties.companies().get(tenant);
		if (company == null) {
			company = this.properties.defaultCompanyId();
		}
		if (company == null) {
			throw new IllegalStateException("No Autotask company is configured for tenant '" + tenant
					+ "': set closeloop.psa.autotask.companies." + tenant + " to the company's id");
		}
		return company;
	}

	private static long ticketId(TicketRef ticket) {
		try {
			return Long.parseLong(ticket.id());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not an Autotask ticket id: " + ticket.id());
		}
	}

	private static String deviceId(AlertContext alert) {
		return (alert.device() != null) ? alert.device().id() : null;
	}

	/**
	 * The key as the ticket's external id, which holds 50 characters: a longer key is
	 * replaced by its digest, the same for every delivery.
	 */
	static String externalId(String idempotencyKey) {
		if (idempotencyKey.length() <= EXTERNAL_ID_MAX) {
			return idempotencyKey;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
			return "closeloop:" + HexFormat.of().formatHex(digest).substring(0, EXTERNAL_ID_MAX - 10);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static Map<String, Object> eq(String field, Object value) {
		return condition("eq", field, value);
	}

	private static Map<String, Object> condition(String op, String field, Object value) {
		Map<String, Object> condition = new LinkedHashMap<>();
		condition.put("op", op);
		condition.put("field", field);
		condition.put("value", value);
		return condition;
	}

	private static void putIfSet(Map<String, Object> map, String field, Integer value) {
		if (value != null) {
			map.put(field, value);
		}
	}

	private static String cut(String text, int max) {
		if (text == null) {
			return "";
		}
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
