package io.closeloop.workers.connector.connectwise;

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
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.TicketSummary;
import io.closeloop.workers.connector.http.PathSegment;
import io.closeloop.workers.connector.http.QueryString;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * ConnectWise PSA (Manage) as the ticketing system: service tickets on a configured
 * board, for the company each tenant maps to.
 * <p>
 * ConnectWise takes no idempotency key, and creating a ticket or a note is never repeated
 * after an answer that came too late. So the key is written where it can be read back,
 * and looked for before writing: a ticket's {@code externalXRef} carries it (with the
 * device, see {@link ExternalReference}), a note's text ends with its
 * {@link IdempotencyMarker}. A redelivered job finds what the first delivery wrote
 * instead of writing it twice. Status changes are JSON Patch {@code replace} operations,
 * which change nothing when sent twice.
 */
public class ConnectWisePsa implements PsaConnector {

	private static final Logger log = LoggerFactory.getLogger(ConnectWisePsa.class);

	static final int SUMMARY_LENGTH = 100;

	/** Enough for any device's open tickets; more pages are not read. */
	private static final int MAX_PAGES = 10;

	private final ConnectWisePsaProperties properties;

	private final ConnectWiseApi api;

	ConnectWisePsa(ConnectWisePsaProperties properties, ConnectWiseApi api) {
		this.properties = properties;
		this.api = api;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static ConnectWisePsa create(ConnectWisePsaProperties properties, ObjectMapper mapper, Clock clock) {
		// The Basic header encodes the keys: masked too, should a vendor echo it.
		Secret basic = new Secret(ConnectWiseApi.authorization(properties).substring("Basic ".length()));
		VendorHttp http = new VendorHttp(ConnectWiseApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.privateKey(), properties.publicKey(), properties.clientId(), basic), clock);
		return new ConnectWisePsa(properties, new ConnectWiseApi(properties, http, new VendorJson(mapper)));
	}

	@Override
	public String system() {
		return ConnectWiseApi.VENDOR.name();
	}

	@Override
	public TicketRef openTicket(AlertContext alert, String summary, String description, String idempotencyKey) {
		String company = company(alert.tenant());
		String deviceId = (alert.device() != null) ? alert.device().id() : null;
		String reference = ExternalReference.of(deviceId, idempotencyKey);
		String conditions = companyCondition(company) + " AND externalXRef=\"" + reference + "\"";
		JsonNode earlier = list(
				this.api.get("find-ticket",
						"/service/tickets" + QueryString.of().with("conditions", conditions).with("fields", "id")),
				"find-ticket");
		if (!earlier.isEmpty()) {
			return ticketRef(earlier.get(0), "find-ticket");
		}
		Map<String, Object> ticket = new LinkedHashMap<>();
		ticket.put("summary", truncate(summary));
		ticket.put("initialDescription", description);
		ticket.put("board", Map.of("id", this.properties.boardId()));
		ticket.put("company", companyReference(company));
		if (this.properties.newStatusId() != null) {
			ticket.put("status", Map.of("id", this.properties.newStatusId()));
		}
		if (this.properties.priorityId() != null) {
			ticket.put("priority", Map.of("id", this.properties.priorityId()));
		}
		ticket.put("externalXRef", reference);
		return ticketRef(this.api.post("open-ticket", "/service/tickets", ticket), "open-ticket");
	}

	@Override
	public List<TicketSummary> openTicketsForDevice(String tenant, String deviceId) {
		if (deviceId == null || deviceId.isBlank()) {
			return List.of();
		}
		String prefix = ExternalReference.devicePrefix(deviceId);
		String conditions = companyCondition(company(tenant)) + " AND closedFlag=false AND externalXRef like \""
				+ prefix + "%\"";
		List<TicketSummary> tickets = new ArrayList<>();
		for (JsonNode ticket : pages("open-tickets", "/service/tickets",
				QueryString.of().with("conditions", conditions).with("fields", "id,summary,status,externalXRef"))) {
			// "like" treats _ as a wildcard too: keep the device's own references only.
			String reference = VendorJson.text(ticket, "externalXRef");
			if (reference == null || reference.startsWith(prefix)) {
				tickets.add(new TicketSummary(ticketRef(ticket, "open-tickets").id(),
						VendorJson.text(ticket, "summary"), VendorJson.text(ticket.path("status"), "name")));
			}
		}
		return tickets;
	}

	@Override
	public void addNote(TicketRef ticket, String text, boolean internal, String idempotencyKey) {
		writeNote(ticket, text, internal ? Flag.INTERNAL : Flag.DISCUSSION, idempotencyKey, "add-note");
	}

	/**
	 * Writes the resolution as a note flagged Resolution, then moves the ticket to the
	 * closed status.
	 */
	@Override
	public void closeTicket(TicketRef ticket, String resolution, String idempotencyKey) {
		writeNote(ticket, resolution, Flag.RESOLUTION, idempotencyKey, "close-ticket");
		this.api.patch("close-ticket", ticketPath(ticket),
				List.of(replace("status", Map.of("id", this.properties.closedStatusId()))));
	}

	/**
	 * Moves the ticket to the escalation status, and to the escalation board and owner
	 * when configured. The reason is in the note the escalation step writes before.
	 */
	@Override
	public void escalateTicket(TicketRef ticket, String reason, String idempotencyKey) {
		ConnectWisePsaProperties.Escalation escalation = this.properties.escalation();
		List<Map<String, Object>> operations = new ArrayList<>();
		if (escalation.boardId() != null) {
			// The board first: the status must be one of the board the ticket is on.
			operations.add(replace("board", Map.of("id", escalation.boardId())));
		}
		operations.add(replace("status", Map.of("id", escalation.statusId())));
		if (escalation.ownerIdentifier() != null && !escalation.ownerIdentifier().isBlank()) {
			operations.add(replace("owner", Map.of("identifier", escalation.ownerIdentifier())));
		}
		this.api.patch("escalate-ticket", ticketPath(ticket), operations);
	}

	private void writeNote(TicketRef ticket, String text, Flag flag, String idempotencyKey, String operation) {
		String notes = ticketPath(ticket) + "/notes";
		for (JsonNode note : pages(operation + "-find-note", notes, QueryString.of().with("fields", "id,text"))) {
			if (IdempotencyMarker.isIn(VendorJson.text(note, "text"), idempotencyKey)) {
				return;
			}
		}
		Map<String, Object> note = new LinkedHashMap<>();
		note.put("text", IdempotencyMarker.append(text, idempotencyKey));
		note.put("detailDescriptionFlag", flag == Flag.DISCUSSION);
		note.put("internalAnalysisFlag", flag == Flag.INTERNAL);
		note.put("resolutionFlag", flag == Flag.RESOLUTION);
		this.api.post(operation, notes, note);
	}

	/** Every record of a listing, page by page, until a page comes back short. */
	private List<JsonNode> pages(String operation, String path, QueryString query) {
		int pageSize = this.properties.pageSize();
		List<JsonNode> records = new ArrayList<>();
		for (int page = 1; page <= MAX_PAGES; page++) {
			JsonNode answer = list(
					this.api.get(operation,
							path + query.with("orderBy", "id desc").with("pageSize", pageSize).with("page", page)),
					operation);
			answer.forEach(records::add);
			if (answer.size() < pageSize) {
				return records;
			}
		}
		log.warn("{} {}: more than {} records; reading the newest only", ConnectWiseApi.VENDOR.displayName(), operation,
				records.size());
		return records;
	}

	private String company(String tenant) {
		String company = this.properties.companies().get(tenant);
		if (company == null) {
			throw new IllegalStateException("No ConnectWise company is configured for tenant '" + tenant
					+ "': set closeloop.psa.connectwise.companies." + tenant + " to its company id or identifier");
		}
		return company;
	}

	private static boolean isId(String company) {
		return company.chars().allMatch(Character::isDigit);
	}

	private static String companyCondition(String company) {
		return isId(company) ? "company/id=" + company : "company/identifier=\"" + company + "\"";
	}

	private static Map<String, Object> companyReference(String company) {
		return isId(company) ? Map.of("id", Integer.parseInt(company)) : Map.of("identifier", company);
	}

	private static Map<String, Object> replace(String path, Object value) {
		Map<String, Object> operation = new LinkedHashMap<>();
		operation.put("op", "replace");
		operation.put("path", path);
		operation.put("value", value);
		return operation;
	}

	private static String ticketPath(TicketRef ticket) {
		if (ticket == null || ticket.id() == null || ticket.id().isBlank()) {
			throw new IllegalArgumentException("A ticket id is needed to write to ConnectWise PSA");
		}
		return "/service/tickets/" + PathSegment.encode(ticket.id());
	}

	private TicketRef ticketRef(JsonNode ticket, String operation) {
		return new TicketRef(system(),
				VendorJson.required(ticket, "id", ConnectWiseApi.VENDOR.displayName(), operation).asText());
	}

	private static JsonNode list(JsonNode answer, String operation) {
		if (!answer.isArray()) {
			throw new ConnectorException(ConnectWiseApi.VENDOR.displayName() + " " + operation + " answered with "
					+ answer.getNodeType() + ", not a list");
		}
		return answer;
	}

	private static String truncate(String summary) {
		String text = (summary != null) ? summary.strip() : "";
		return (text.length() <= SUMMARY_LENGTH) ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
	}

	/** Which of ConnectWise's three note flags a note carries. */
	private enum Flag {

		DISCUSSION, INTERNAL, RESOLUTION

	}

}
