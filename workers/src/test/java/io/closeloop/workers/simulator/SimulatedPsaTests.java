package io.closeloop.workers.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.TicketRef;

class SimulatedPsaTests {

	private final SimulatedPsa psa = new SimulatedPsa(Clock.systemUTC());

	@Test
	void shouldWriteEachTicketNoteAndCloseOnlyOnce() {
		TicketRef ticket = this.psa.openTicket(TestAlerts.diskLow(1, "ACME-WS-1"), "summary", "description",
				"alert-1:open-ticket");
		TicketRef again = this.psa.openTicket(TestAlerts.diskLow(1, "ACME-WS-1"), "summary", "description",
				"alert-1:open-ticket");
		this.psa.addNote(ticket, "resolved", false, "alert-1:resolution-note");
		this.psa.addNote(ticket, "resolved", false, "alert-1:resolution-note");
		this.psa.closeTicket(ticket, "done", "alert-1:close-ticket");
		this.psa.closeTicket(ticket, "done", "alert-1:close-ticket");

		assertThat(again).isEqualTo(ticket);
		assertThat(this.psa.tickets()).hasSize(1);
		SimulatedPsa.TicketRecord stored = this.psa.tickets().get(0);
		assertThat(stored.status()).isEqualTo(SimulatedPsa.CLOSED);
		assertThat(stored.notes()).extracting(SimulatedPsa.Note::text)
			.containsExactly("description", "resolved", "Closed: done");
	}

	@Test
	void shouldListOnlyOpenTicketsOfTheDevice() {
		TicketRef open = this.psa.openTicket(TestAlerts.diskLow(1, "ACME-WS-1"), "one", "d", "k1");
		TicketRef closed = this.psa.openTicket(TestAlerts.diskLow(2, "ACME-WS-1"), "two", "d", "k2");
		this.psa.openTicket(TestAlerts.diskLow(3, "ACME-WS-9"), "other device", "d", "k3");
		this.psa.closeTicket(closed, "done", "k4");

		assertThat(this.psa.openTicketsForDevice("acme", "dev-ACME-WS-1")).extracting((t) -> t.id())
			.containsExactly(open.id());
		assertThat(this.psa.openTicketsForDevice("other-tenant", "dev-ACME-WS-1")).isEmpty();
	}

	@Test
	void shouldGoOnWithATicketOpenedBeforeARestartAndNeverReuseItsNumber() {
		Instant start = Instant.parse("2026-11-22T09:00:00Z");
		SimulatedPsa before = new SimulatedPsa(Clock.fixed(start, ZoneOffset.UTC));
		TicketRef earlier = before.openTicket(TestAlerts.diskLow(1, "ACME-WS-1"), "Disk low", "C: 4%", "alert-1:open");
		SimulatedPsa after = new SimulatedPsa(Clock.fixed(start.plusSeconds(40), ZoneOffset.UTC));

		TicketRef later = after.openTicket(TestAlerts.diskLow(2, "ACME-WS-2"), "Disk low", "C: 4%", "alert-2:open");
		after.closeTicket(earlier, "Freed 2 GB", "alert-1:close");

		assertThat(later.id()).isNotEqualTo(earlier.id());
		assertThat(after.tickets()).filteredOn((ticket) -> ticket.id().equals(earlier.id()))
			.singleElement()
			.satisfies((ticket) -> assertThat(ticket.status()).isEqualTo("Closed"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> after.addNote(new TicketRef("simulator", later.id() + "9"), "x", true, "k"))
			.withMessageContaining("has no ticket");
	}

}
