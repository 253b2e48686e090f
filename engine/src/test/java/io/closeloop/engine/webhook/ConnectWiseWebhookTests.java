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
 * ConnectWise PSA's signed ticket callbacks: a ticket added on a configured board starts
 * a process; other boards and other actions are acknowledged and ignored.
 */
class ConnectWiseWebhookTests extends IntegrationTest {

	@Autowired
	private AlertRepository alerts;

	@Test
	void shouldStartAProcessForATicketAddedOnTheConfiguredBoard() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		ApiClient.Response accepted = webhooks().connectwise(callback("added", ticketId, 21));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "ESCALATED");
		assertThat(alert).containsEntry("source", "connectwise")
			.containsEntry("externalId", String.valueOf(ticketId))
			.containsEntry("tenant", "acme")
			.containsEntry("type", "disk.space")
			.containsEntry("severity", "critical");
		assertThat((String) alert.get("message")).startsWith("Disk space low on ACME-FS01");
	}

	@Test
	void shouldIgnoreTicketsOnOtherBoardsAndOtherActions() {
		long ticketId = System.nanoTime() % 1_000_000_000L;

		ApiClient.Response otherBoard = webhooks().connectwise(callback("added", ticketId, 5));
		ApiClient.Response updated = webhooks().connectwise(callback("updated", ticketId, 21));

		assertThat(otherBoard.status()).isEqualTo(200);
		assertThat((String) otherBoard.json().get("message")).contains("board 5 (Help Desk)",
				"does not start a process");
		assertThat(updated.status()).isEqualTo(200);
		assertThat((String) updated.json().get("message")).contains("was updated, not added");
		assertThat(this.alerts.findAllBySourceAndExternalId("connectwise", String.valueOf(ticketId))).isEmpty();
	}

	@Test
	void shouldKeepOneAlertWhenTheCallbackComesTwice() {
		String body = callback("added", System.nanoTime() % 1_000_000_000L, 21);
		long first = webhooks().connectwise(body).id();

		assertThat(webhooks().connectwise(body).id()).isEqualTo(first);
	}

	@Test
	void shouldRefuseABodySignedWithAnotherKeyAndStoreNothing() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		ApiClient.Response response = webhooks().connectwise(callback("added", ticketId, 21), "someone-elses-key");

		assertThat(response.status()).isEqualTo(401);
		assertThat((String) response.json().get("message")).contains("x-content-signature");
		assertThat(this.alerts.findAllBySourceAndExternalId("connectwise", String.valueOf(ticketId))).isEmpty();
	}

	@Test
	void shouldSayWhatTheTicketLacks() {
		ApiClient.Response response = webhooks().connectwise("""
				{"Action":"added","Type":"ticket","ID":5,"Entity":"{\\"id\\":5,\\"board\\":{\\"id\\":21}}"}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("Entity.company.id", "Entity.summary");
	}

	private Webhooks webhooks() {
		return new Webhooks(api());
	}

	/** A ConnectWise callback: the ticket is a JSON document inside the Entity string. */
	static String callback(String action, long ticketId, int boardId) {
		String entity = """
				{"id":%d,"summary":"Disk space low on ACME-FS01","board":{"id":%d,"name":"%s"},
				 "company":{"id":250,"identifier":"AcmeCorp","name":"Acme Corp"},"type":{"id":3,"name":"Disk Space"},
				 "priority":{"id":4,"name":"Priority 1 - Emergency"},"severity":"High","status":{"id":1,"name":"New"}}
				""".formatted(ticketId, boardId, (boardId == 21) ? "Alerts" : "Help Desk");
		return """
				{"MessageId":"5d1f0c51-0000-4000-8000-000000000001","FromUrl":"na.myconnectwise.net",
				 "CompanyId":"msp","MemberId":"closeloop","Action":"%s","Type":"ticket","ID":%d,
				 "ProductInstanceId":null,"PartnerId":null,"Entity":%s,
				 "Metadata":{"key_url":"https://api-na.myconnectwise.net/v4_6_release/apis/3.0/system/callbackEntry/key/7"},
				 "CallbackObjectRecId":21}
				"""
			.formatted(action, ticketId, quoted(entity.strip()));
	}

	private static String quoted(String json) {
		return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "") + "\"";
	}

}
