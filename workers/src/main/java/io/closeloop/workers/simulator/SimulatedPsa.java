package io.closeloop.workers.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.TicketSummary;

/**
 * A demo PSA for the embedded default, not a real one: tickets with notes and statuses,
 * kept in memory. It honours idempotency keys the way Closeloop asks every connector to,
 * so its listing shows whether any note or ticket was written twice.
 */
public class SimulatedPsa implements PsaConnector {

	public static final String NEW = "New";

	public static final String ESCALATED = "Escalated";

	public static final String CLOSED = "Closed";

	private final Clock clock;

	private final Map<String, Ticket> tickets = new LinkedHashMap<>();

	private final Map<String, TicketRef> openedByKey = new LinkedHashMap<>();

	private final Set<String> writtenKeys = new HashSet<>();

	private final AtomicLong ticketNumbers = new AtomicLong(1000);

	/**
	 * Names this run's tickets ({@code SIM-<run>-1001}), so numbers handed out after a
	 * restart never repeat those of an earlier run that resumed alerts still refer to.
	 */
	private final String run;

	public SimulatedPsa(Clock clock) {
		this.clock = clock;
		this.run = "SIM-" + Long.toString(clock.millis() / 1000, 36).toUpperCase(Locale.ROOT);
	}

	@Override
	public String system() {
		return "simulator";
	}

	@Override
	public synchronized TicketRef openTicket(AlertContext alert, String summary, String description,
			String idempotencyKey) {
		TicketRef existing = this.openedByKey.get(idempotencyKey);
		if (existing != null) {
			return existing;
		}
		String id = this.run + "-" + this.ticketNumbers.incrementAndGet();
		String deviceId = (alert.device() != null) ? alert.device().id() : null;
		Ticket ticket = new Ticket(id, alert.tenant(), deviceId, summary, this.clock.instant());
		ticket.notes.add(new Note(description, true, this.clock.instant()));
		this.tickets.put(id, ticket);
		TicketRef ref = new TicketRef(system(), id);
		this.openedByKey.put(idempotencyKey, ref);
		return ref;
	}

	@Override
	public synchronized List<TicketSummary> openTicketsForDevice(String tenant, String deviceId) {
		return this.tickets.values()
			.stream()
			.filter((ticket) -> ticket.tenant.equals(tenant) && Objects.equals(ticket.deviceId, deviceId))
			.filter((ticket) -> !CLOSED.equals(ticket.status))
			.map((ticket) -> new TicketSummary(ticket.id, ticket.summary, ticket.status))
			.toList();
	}

	@Override
	public synchronized void addNote(TicketRef ref, String text, boolean internal, String idempotencyKey) {
		if (this.writtenKeys.add(idempotencyKey)) {
			ticket(ref).notes.add(new Note(text, internal, this.clock.instant()));
		}
	}

	@Override
	public synchronized void closeTicket(TicketRef ref, String resolution, String idempotencyKey) {
		if (this.writtenKeys.add(idempotencyKey)) {
			Ticket ticket = ticket(ref);
			ticket.status = CLOSED;
			ticket.notes.add(new Note("Closed: " + resolution, false, this.clock.instant()));
		}
	}

	@Override
	public synchronized void escalateTicket(TicketRef ref, String reason, String idempotencyKey) {
		if (this.writtenKeys.add(idempotencyKey)) {
			ticket(ref).status = ESCALATED;
		}
	}

	/** Every ticket, oldest first, with copies of its notes, for the simulator's page. */
	public synchronized List<TicketRecord> tickets() {
		List<TicketRecord> records = new ArrayList<>();
		for (Ticket ticket : this.tickets.values()) {
			records.add(new TicketRecord(ticket.id, ticket.tenant, ticket.deviceId, ticket.summary, ticket.status,
					ticket.createdAt, List.copyOf(ticket.notes)));
		}
		return records;
	}

	private Ticket ticket(TicketRef ref) {
		Ticket ticket = this.tickets.get(ref.id());
		if (ticket == null && ref.id().startsWith(this.run + "-")) {
			// One of this run's numbers that it never handed out: a real PSA answers 404
			// here, and an unknown ticket is a defect, not an outage to retry.
			throw new IllegalArgumentException("The simulated PSA has no ticket " + ref.id());
		}
		if (ticket == null) {
			// Opened before the application (and this simulator, which keeps its tickets
			// in
			// memory) restarted: the alert's process was resumed and goes on with it.
			ticket = new Ticket(ref.id(), "?", null, "(opened before the simulator restarted)", this.clock.instant());
			this.tickets.put(ref.id(), ticket);
		}
		return ticket;
	}

	/** A ticket as the simulator page lists it. */
	public record TicketRecord(String id, String tenant, String deviceId, String summary, String status,
			Instant createdAt, List<Note> notes) {

	}

	/** A note on a simulated ticket. */
	public record Note(String text, boolean internal, Instant at) {

	}

	private static final class Ticket {

		private final String id;

		private final String tenant;

		private final String deviceId;

		private final String summary;

		private final Instant createdAt;

		private final List<Note> notes = new ArrayList<>();

		private String status = NEW;

		Ticket(String id, String tenant, String deviceId, String summary, Instant createdAt) {
			this.id = id;
			this.tenant = tenant;
			this.deviceId = deviceId;
			this.summary = summary;
			this.createdAt = createdAt;
		}

	}

}
