package io.closeloop.workers.ticket;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.rules.AlertStatus;
import io.closeloop.workers.InMemorySideEffects;
import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.simulator.SimulatedPsa;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class EscalateWorkerTests {

	private final SimulatedPsa psa = new SimulatedPsa(Clock.systemUTC());

	private final AlertJournal journal = mock(AlertJournal.class);

	private final ActivatedJob job = mock(ActivatedJob.class);

	private final TicketRef ticket = this.psa.openTicket(TestAlerts.diskLow(7, "ACME-WS-042"), "summary", "description",
			"alert-7:open-ticket");

	private final EscalateWorker worker = new EscalateWorker(this.psa, new InMemorySideEffects(), this.journal);

	@Test
	void shouldCountAFixThatRanAndDidNotHoldAgainstTheCategory() {
		when(this.job.getVariablesAsMap()).thenReturn(Map.of("alertId", 7));

		this.worker.escalate(this.job, 7L, this.ticket, "Fix not verified", "SIM-RUN-1", null);

		verify(this.journal).outcome(7L, false, "Fix not verified");
		verify(this.journal).status(eq(7L), eq(AlertStatus.ESCALATED), eq("Fix not verified"));
	}

	@Test
	void shouldNotCountADeviceFoundOutOfScopeAsAFailedFix() {
		when(this.job.getVariablesAsMap()).thenReturn(Map.of("alertId", 7));
		String reason = "Refused to act: device 4711 is not in Datto RMM site s-1 (tenant acme's)";

		this.worker.escalate(this.job, 7L, this.ticket, reason, "SIM-RUN-1", true);

		verify(this.journal, never()).outcome(anyLong(), anyBoolean(), anyString());
		verify(this.journal).status(eq(7L), eq(AlertStatus.ESCALATED), eq(reason));
	}

}
