package io.closeloop.workers.ticket;

import static io.closeloop.workers.HandledFailures.handled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
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
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.closeloop.workers.InMemorySideEffects;
import io.closeloop.workers.JobFailures;
import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.VendorRejectedException;
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

	@Test
	void shouldLeaveTheTicketToARetryWhileThePsaIsDown() {
		TicketRef ticket = new TicketRef("simulator", "T-8");
		CloseTicketWorker worker = new CloseTicketWorker(down(new ConnectorException("PSA answered 503")),
				new InMemorySideEffects(), this.journal);
		ActivatedJob job = clearedJob(Map.of("ticket", ticket));

		assertThatExceptionOfType(JobError.class).isThrownBy(() -> handled(job, () -> worker.close(job, 8L, ticket)))
			.withMessage("PSA answered 503");
		verify(this.journal, never()).step(eq(8L), eq("Ticket left open"), anyString());
	}

	@Test
	void shouldSayTheTicketIsLeftOpenWhenThePsaStaysDown() {
		TicketRef ticket = new TicketRef("simulator", "T-8");
		CloseTicketWorker worker = new CloseTicketWorker(down(new ConnectorException("PSA answered 503")),
				new InMemorySideEffects(), this.journal);
		ActivatedJob job = clearedJob(Map.of("ticket", ticket));
		when(job.getRetries()).thenReturn(1);

		assertThatExceptionOfType(BpmnError.class).isThrownBy(() -> handled(job, () -> worker.close(job, 8L, ticket)))
			.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo(JobFailures.TECHNICAL_FAILURE));
		verify(this.journal).step(8L, "Ticket left open", "PSA answered 503");
	}

	@Test
	void shouldSayTheTicketIsLeftOpenWhenThePsaRefuses() {
		TicketRef ticket = new TicketRef("simulator", "T-8");
		VendorRejectedException refused = new VendorRejectedException("Autotask", "close ticket", 403, "no right");
		CloseTicketWorker worker = new CloseTicketWorker(down(refused), new InMemorySideEffects(), this.journal);
		ActivatedJob job = clearedJob(Map.of("ticket", ticket));

		assertThatExceptionOfType(BpmnError.class).isThrownBy(() -> handled(job, () -> worker.close(job, 8L, ticket)))
			.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo(JobFailures.TECHNICAL_FAILURE));
		verify(this.journal).step(8L, "Ticket left open", refused.getMessage());
	}

	private static PsaConnector down(RuntimeException failure) {
		PsaConnector down = mock(PsaConnector.class);
		doThrow(failure).when(down).addNote(any(), anyString(), anyBoolean(), anyString());
		return down;
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
