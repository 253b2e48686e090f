package io.closeloop.engine.processstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camunda.client.CamundaClient;
import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertFixtures;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.correlation.AlertCorrelator;

/** The variables an alert's process starts with. */
class ProcessStarterTests {

	private final ProcessStarter starter = new ProcessStarter(mock(CamundaClient.class),
			new ProcessSettings(Duration.ofHours(4), Duration.ofSeconds(1), 300, Duration.ofSeconds(15), 3),
			new ProcessStartSettings(200, 32, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(30), 3,
					20000, 150, Duration.ofMinutes(15), 20, 5),
			mock(AlertRepository.class), mock(AlertCorrelator.class));

	@Test
	void shouldWorkOnTheTicketThatRaisedTheAlertWhenItComesFromThePsaCloseloopWorksIn() {
		Alert raisedByTicket = AlertFixtures.withTicket(alert("connectwise", "4711"), "connectwise", "4711");

		assertThat(this.starter.variables(raisedByTicket)).containsEntry("ticket",
				Map.of("system", "connectwise", "id", "4711"));
	}

	@Test
	void shouldOpenItsOwnTicketForAnRmmAlertEvenWhenItsTicketIsAlreadyKnown() {
		// A process started again after its ticket was opened: the ledger gives the
		// ticket
		// back, so the variable must not make the process note it as someone else's.
		Alert resumed = AlertFixtures.withTicket(alert("datto", "alert-uid-1"), "simulator", "SIM-1");

		assertThat(this.starter.variables(resumed)).doesNotContainKey("ticket");
	}

	private static Alert alert(String source, String externalId) {
		return AlertFixtures.alert(source, externalId, "psa.ticket", "Printer jammed", "ACME-WS-1", "Windows 11",
				"workstation", null, null);
	}

}
