package io.closeloop.workers.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.InMemorySideEffects;
import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.rules.AlertStatus;
import io.closeloop.workers.simulator.SimulatedPsa;

/**
 * close-psa-ticket in the "Alert cleared at source" event subprocess: the alert is
 * recorded CLEARED, nothing counts for autonomy, and the ticket is closed as cleared.
 */
class CloseTicketWorkerTests {

	private final SimulatedPsa psa = new SimulatedPsa(Clock.systemUTC());

	private final AlertJournal journal = mock(AlertJournal.class);

	private final CloseTicketWorker worker = new CloseTicketWorker(this.psa, new InMemorySideEffects(), this.journal);

	@Test
	void shouldCloseTheTicketAsClearedAndRecordTheAlertClearedWithoutCountingAnOutcome() {
		TicketRef ticket = this.psa.openTicket(TestAlerts.diskLow(5, "ACME-SRV-5"), "summary", "description", "k");
		ActivatedJob job = clearedJob(Map.of("clearedBy", "datto", "ticket", ticket));

		this.worker.close(job, 5L, ticket);

		SimulatedPsa.TicketRecord closed = this.psa.tickets().get(0);
		assertThat(closed.status()).isEqualTo(SimulatedPsa.CLOSED);
		assertThat(closed.notes()).extracting(SimulatedPsa.Note::text)
			.anySatisfy((text) -> assertThat(text).startsWith("Cleared at source: datto reported the alert resolved"))
			.contains("Closed: Cleared at source");
		verify(this.journal).status(5L, AlertStatus.CLEARED,
				"the source reported the alert resolved; closing simulator ticket " + ticket.id());
		verify(this.journal, never()).outcome(anyLong(), anyBoolean(), anyString());
		verify(this.journal, never()).status(anyLong(), eq(AlertStatus.RESOLVED), anyString());
	}

	@Test
	void shouldOnlyNoteAnIncidentsSharedTicket() {
		TicketRef ticket = this.psa.openTicket(TestAlerts.diskLow(6, "ACME-SRV-6"), "incident", "description", "k");
		ActivatedJob job = clearedJob(Map.of("ticket", ticket, "incident", Map.of("id", 3)));

		this.worker.close(job, 6L, ticket);

		assertThat(this.psa.tickets().get(0).status()).isEqualTo(SimulatedPsa.NEW);
		assertThat(this.psa.tickets().get(0).notes()).hasSize(2);
	}

	@Test
	void shouldRecordTheAlertClearedWhenNoTicketWasOpened() {
		PsaConnector untouched = mock(PsaConnector.class);
		CloseTicketWorker worker = new CloseTicketWorker(untouched, new InMemorySideEffects(), this.journal);

		worker.close(clearedJob(Map.of()), 7L, null);

		verify(this.journal).status(7L, AlertStatus.CLEARED,
				"the source reported the alert resolved; no ticket was opened");
		assertThat(mockingDetails(untouched).getInvocations()).isEmpty();
	}

	private static ActivatedJob clearedJob(Map<String, Object> variables) {
		ActivatedJob job = mock(ActivatedJob.class);
		when(job.getCustomHeaders()).thenReturn(Map.of("resolution", "cleared-at-source"));
		when(job.getVariablesAsMap()).thenReturn(new HashMap<>(variables));
		when(job.getRetries()).thenReturn(5);
		when(job.getType()).thenReturn("close-psa-ticket");
		return job;
	}

}
