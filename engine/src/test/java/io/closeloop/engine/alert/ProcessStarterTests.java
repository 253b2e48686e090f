package io.closeloop.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.camunda.client.CamundaClient;

/** The variables an alert's process starts with. */
class ProcessStarterTests {

	private final ProcessStarter starter = new ProcessStarter(mock(CamundaClient.class),
			new ProcessSettings(null, null, 0, null, 0), new ProcessStartSettings(200, 32, Duration.ofSeconds(1),
					Duration.ofMinutes(10), Duration.ofSeconds(30), 3, 20000, 150, Duration.ofMinutes(15), 20, 5),
			new ObjectMapper(), mock(AlertRepository.class));

	@Test
	void shouldWorkOnTheTicketThatRaisedTheAlertWhenItComesFromThePsaCloseloopWorksIn() {
		Alert raisedByTicket = alert("connectwise", "4711");
		raisedByTicket.ticket("connectwise", "4711");

		assertThat(this.starter.variables(raisedByTicket)).containsEntry("ticket",
				Map.of("system", "connectwise", "id", "4711"));
	}

	@Test
	void shouldOpenItsOwnTicketForAnRmmAlertEvenWhenItsTicketIsAlreadyKnown() {
		// A process started again after its ticket was opened: the ledger gives the
		// ticket
		// back, so the variable must not make the process note it as someone else's.
		Alert resumed = alert("datto", "alert-uid-1");
		resumed.ticket("simulator", "SIM-1");

		assertThat(this.starter.variables(resumed)).doesNotContainKey("ticket");
	}

	private static Alert alert(String source, String externalId) {
		return new Alert("acme", source, externalId, "psa.ticket", "warning", "Printer jammed", "dev-1", "ACME-WS-1",
				"Windows 11", "workstation", null, null, Instant.now());
	}

}
