package io.closeloop.workers.maintenance;

import static io.closeloop.workers.HandledFailures.handled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import io.closeloop.workers.InMemorySideEffects;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.DeviceRef;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.simulator.SimulatedPsa;

class OpenMaintenanceTicketWorkerTests {

	private final SimulatedPsa psa = new SimulatedPsa(Clock.systemUTC());

	private final InMemorySideEffects sideEffects = new InMemorySideEffects();

	private final OpenMaintenanceTicketWorker worker = new OpenMaintenanceTicketWorker(this.psa, this.sideEffects);

	private final ActivatedJob job = mock(ActivatedJob.class);

	@Test
	void shouldOpenAScheduledMaintenanceTicketWithTheNumbers() {
		Map<String, Object> result = this.worker.openTicket(this.job, diskFilling(7L, 1));

		TicketRef ticket = (TicketRef) result.get("ticket");
		SimulatedPsa.TicketRecord opened = this.psa.tickets().get(0);
		assertThat(opened.id()).isEqualTo(ticket.id());
		assertThat(opened.tenant()).isEqualTo("acme");
		assertThat(opened.deviceId()).isEqualTo("dev-42");
		assertThat(opened.summary())
			.isEqualTo("[Closeloop] Scheduled maintenance: disk projected full in 4.2 days on ACME-WS-042");
		assertThat(opened.notes().get(0).text()).contains("diskFreePct on ACME-WS-042 (dev-42) reaches 0",
				"at 2026-11-25T14:48:00Z, in 4.2 days", "Now: 17.0", "-4.05 per day", "over 168 samples", "R² 0.98");
	}

	@Test
	void shouldOpenOneTicketWhenTheJobIsDeliveredTwice() {
		Map<String, Object> first = this.worker.openTicket(this.job, diskFilling(7L, 1));
		Map<String, Object> redelivered = this.worker.openTicket(this.job, diskFilling(7L, 1));

		assertThat(redelivered).isEqualTo(first);
		assertThat(this.psa.tickets()).hasSize(1);
	}

	@Test
	void shouldOpenANewTicketWhenTheForecastOpensAgainOrForAnotherForecast() {
		this.worker.openTicket(this.job, diskFilling(7L, 1));
		this.worker.openTicket(this.job, diskFilling(7L, 2));
		this.worker.openTicket(this.job, diskFilling(8L, 1));

		assertThat(this.psa.tickets()).hasSize(3);
	}

	@Test
	void shouldNameMemoryAndFallBackToTheDeviceIdWithoutAHostname() {
		MaintenanceForecast leak = new MaintenanceForecast(9L, 1, "acme", new DeviceRef("dev-7", null, null, null),
				"memoryUsedPct", 100.0, 91.0, "2026-11-22T18:00:00Z", 0.75, 12.0, 0.99, 48);

		this.worker.openTicket(this.job, leak);

		assertThat(this.psa.tickets().get(0).summary())
			.isEqualTo("[Closeloop] Scheduled maintenance: memory projected exhausted in 0.8 days on dev-7");
	}

	@Test
	void shouldFailTheJobForARetryWhenThePsaIsDown() {
		PsaConnector down = mock(PsaConnector.class);
		when(down.openTicket(any(), anyString(), anyString(), anyString()))
			.thenThrow(new ConnectorException("PSA answered 503"));
		when(this.job.getRetries()).thenReturn(5);

		assertThatExceptionOfType(JobError.class)
			.isThrownBy(() -> handled(this.job,
					() -> new OpenMaintenanceTicketWorker(down, this.sideEffects).openTicket(this.job,
							diskFilling(7L, 1))))
			.withMessage("PSA answered 503");
	}

	private static MaintenanceForecast diskFilling(long forecastId, int occurrence) {
		return new MaintenanceForecast(forecastId, occurrence, "acme",
				new DeviceRef("dev-42", "ACME-WS-042", null, null), "diskFreePct", 0.0, 17.0, "2026-11-25T14:48:00Z",
				4.2, -4.05, 0.98, 168);
	}

}
