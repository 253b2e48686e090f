package io.closeloop.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.camunda.client.api.response.ActivatedJob;

/**
 * The proactive-maintenance model alone: the test plays the worker that opens the
 * scheduled-maintenance ticket.
 */
class ProactiveMaintenanceProcessTests {

	private static final String OPEN_MAINTENANCE_TICKET = "open-maintenance-ticket";

	private ProcessTestEngine engine;

	@BeforeEach
	void deploy() {
		this.engine = new ProcessTestEngine();
		this.engine.deploy("processes/proactive-maintenance.bpmn");
	}

	@AfterEach
	void stop() {
		this.engine.close();
	}

	@Test
	void shouldOpenOneMaintenanceTicketWithTheForecastAndEnd() {
		long instance = start();
		ActivatedJob job = this.engine.complete(OPEN_MAINTENANCE_TICKET,
				Map.of("ticket", Map.of("system", "simulator", "id", "SIM-1001")));

		assertThat(job.getElementId()).isEqualTo("service_task_open_maintenance_ticket");
		assertThat(job.getVariablesAsMap()).containsEntry("forecastId", 7)
			.containsEntry("metric", "diskFreePct")
			.containsEntry("daysLeft", 4.2)
			.containsEntry("projectedExhaustionAt", "2026-11-25T14:48:00Z")
			.containsEntry("device", Map.of("id", "dev-42", "hostname", "ACME-WS-042"));
		this.engine.assertEndedAt(instance, "end_event_maintenance_scheduled");
		assertThat(this.engine.completedElements(instance)).containsSubsequence("start_event_trend_detected",
				"service_task_open_maintenance_ticket", "end_event_maintenance_scheduled");
	}

	@Test
	void shouldOfferTheJobAgainWhenThePsaIsDown() {
		long instance = start();
		ActivatedJob first = this.engine.nextJob(OPEN_MAINTENANCE_TICKET);
		assertThat(first.getRetries()).isEqualTo(5);
		this.engine.client()
			.newFailCommand(first.getKey())
			.retries(first.getRetries() - 1)
			.retryBackoff(Duration.ofSeconds(5))
			.errorMessage("PSA unreachable")
			.send()
			.join();
		this.engine.increaseTime(Duration.ofSeconds(6));

		ActivatedJob retried = this.engine.complete(OPEN_MAINTENANCE_TICKET,
				Map.of("ticket", Map.of("system", "simulator", "id", "SIM-1002")));
		assertThat(retried.getKey()).isEqualTo(first.getKey());
		assertThat(retried.getRetries()).isEqualTo(4);
		this.engine.assertEndedAt(instance, "end_event_maintenance_scheduled");
	}

	private long start() {
		return this.engine.start("proactive-maintenance",
				Map.of("forecastId", 7, "occurrence", 1, "tenant", "acme", "device",
						Map.of("id", "dev-42", "hostname", "ACME-WS-042"), "metric", "diskFreePct", "exhaustionLevel",
						0.0, "currentValue", 17.0, "projectedExhaustionAt", "2026-11-25T14:48:00Z", "daysLeft", 4.2,
						"slope", -4.05))
			.getProcessInstanceKey();
	}

}
