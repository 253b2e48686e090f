package io.closeloop.workers.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceRef;

/** The ticket's words, also for an alert that left its device's details out. */
class TicketTextsTests {

	@Test
	void shouldNameTheDeviceByItsHostName() {
		AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

		assertThat(TicketTexts.summary(alert)).isEqualTo("[Closeloop] disk.space.low on ACME-WS-042");
		assertThat(TicketTexts.description(alert))
			.contains("Device: ACME-WS-042 (dev-ACME-WS-042), Windows 11, workstation");
	}

	@Test
	void shouldNameTheDeviceByItsIdWhenTheSenderLeftTheHostNameOut() {
		AlertContext alert = new AlertContext(8, "acme", "unknown", "warning", "(no message)",
				new DeviceRef("ticket-351181", null, null, null), Map.of());

		assertThat(TicketTexts.summary(alert)).isEqualTo("[Closeloop] unknown on ticket-351181");
		assertThat(TicketTexts.description(alert)).contains("Device: ticket-351181 (ticket-351181), unknown, unknown")
			.doesNotContain("null");
	}

}
