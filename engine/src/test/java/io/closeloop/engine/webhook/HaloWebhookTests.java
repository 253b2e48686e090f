package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.Webhooks;

/**
 * HaloPSA's ticket webhook with HTTP basic authentication: a new ticket of a configured
 * ticket type starts a process; other types and events are acknowledged and ignored.
 */
class HaloWebhookTests extends IntegrationTest {

	@Autowired
	private AlertRepository alerts;

	@Test
	void shouldStartAProcessForANewTicketOfTheConfiguredType() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		ApiClient.Response accepted = webhooks().halo(ticket("New Ticket Logged", ticketId, 21));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "ESCALATED");
		assertThat(alert).containsEntry("source", "halo")
			.containsEntry("externalId", String.valueOf(ticketId))
			.containsEntry("tenant", "globex")
			.containsEntry("type", "server.hardware");
	}

	@Test
	void shouldIgnoreOtherTicketTypesAndOtherEvents() {
		long ticketId = System.nanoTime() % 1_000_000_000L;

		ApiClient.Response otherType = webhooks().halo(ticket("New Ticket Logged", ticketId, 1));
		ApiClient.Response updated = webhooks().halo(ticket("Ticket Updated", ticketId, 21));

		assertThat(otherType.status()).isEqualTo(200);
		assertThat((String) otherType.json().get("message")).contains("ticket type 1");
		assertThat(updated.status()).isEqualTo(200);
		assertThat((String) updated.json().get("message")).contains("Ticket Updated is not a new ticket");
		assertThat(this.alerts.findAllBySourceAndExternalId("halo", String.valueOf(ticketId))).isEmpty();
	}

	@Test
	void shouldKeepOneAlertWhenHaloDeliversTwice() {
		String body = ticket("New Ticket Logged", System.nanoTime() % 1_000_000_000L, 21);
		long first = webhooks().halo(body).id();

		assertThat(webhooks().halo(body).id()).isEqualTo(first);
	}

	@Test
	void shouldRefuseAWrongPasswordAndStoreNothing() {
		long ticketId = System.nanoTime() % 1_000_000_000L;

		ApiClient.Response response = webhooks().halo(ticket("New Ticket Logged", ticketId, 21), "guess");

		assertThat(response.status()).isEqualTo(401);
		assertThat((String) response.json().get("message")).contains("basic authentication");
		assertThat(this.alerts.findAllBySourceAndExternalId("halo", String.valueOf(ticketId))).isEmpty();
	}

	@Test
	void shouldSayWhatTheTicketLacks() {
		ApiClient.Response response = webhooks().halo("""
				{"event":"New Ticket Logged","ticket":{"id":9,"tickettype_id":21}}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("ticket.client_id or client_name").doesNotContain("summary");
	}

	@Test
	void shouldSayWhenAWebhookSendingDisplayValuesCannotBeMatched() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		String displayValues = """
				{"event":"New Ticket Logged","ticket":{"id":%d,"summary":"Backup failed on GLOBEX-FS2",
				 "tickettype_id":"Alert","client_id":"Globex"}}
				""".formatted(ticketId);

		ApiClient.Response response = webhooks().halo(displayValues);

		assertThat(response.status()).isEqualTo(422);
		assertThat((String) response.json().get("message")).contains("display value 'Alert'",
				"closeloop.webhooks.halo.start-on", "send ids");
		assertThat(response.body()).contains("ticket.tickettype_id");
		assertThat(this.alerts.findAllBySourceAndExternalId("halo", String.valueOf(ticketId))).isEmpty();
	}

	private Webhooks webhooks() {
		return new Webhooks(api());
	}

	static String ticket(String event, long ticketId, int ticketType) {
		return """
				{"event":"%s","ticket":{"id":%d,"summary":"RAID controller reports a failed disk on GLOBEX-DC1",
				 "details":"<p>Slot 3 failed</p>","tickettype_id":%d,"tickettype_name":"Alert",
				 "client_id":13,"client_name":"Globex","site_id":40,"priority_id":2,
				 "category_1":"Server Hardware"}}
				""".formatted(event, ticketId, ticketType);
	}

}
