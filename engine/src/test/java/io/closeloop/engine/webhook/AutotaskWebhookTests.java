package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.Webhooks;

/**
 * Autotask's signed ticket webhooks: a ticket created in a configured queue starts a
 * process; updates and other queues are acknowledged and ignored.
 */
class AutotaskWebhookTests extends IntegrationTest {

	@Autowired
	private AlertRepository alerts;

	@Test
	void shouldStartAProcessForATicketCreatedInTheConfiguredQueue() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		ApiClient.Response accepted = webhooks().autotask(webhook("Create", ticketId, 29683498));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "ESCALATED");
		assertThat(alert).containsEntry("source", "autotask")
			.containsEntry("externalId", String.valueOf(ticketId))
			.containsEntry("tenant", "acme")
			.containsEntry("type", "subissue.311");
	}

	@Test
	void shouldIgnoreUpdatesAndOtherQueues() {
		long ticketId = System.nanoTime() % 1_000_000_000L;

		ApiClient.Response updated = webhooks().autotask(webhook("Update", ticketId, 29683498));
		ApiClient.Response otherQueue = webhooks().autotask(webhook("Create", ticketId, 8));

		assertThat(updated.status()).isEqualTo(200);
		assertThat((String) updated.json().get("message")).contains("was Updated, not created");
		assertThat(otherQueue.status()).isEqualTo(200);
		assertThat((String) otherQueue.json().get("message")).contains("queue 8");
		assertThat(this.alerts.findAllBySourceAndExternalId("autotask", String.valueOf(ticketId))).isEmpty();
	}

	@Test
	void shouldKeepOneAlertWhenAutotaskDeliversTwice() {
		String body = webhook("Create", System.nanoTime() % 1_000_000_000L, 29683498);
		long first = webhooks().autotask(body).id();

		assertThat(webhooks().autotask(body).id()).isEqualTo(first);
	}

	@Test
	void shouldRefuseAWrongSignatureAndStoreNothing() {
		long ticketId = System.nanoTime() % 1_000_000_000L;

		ApiClient.Response response = webhooks().autotask(webhook("Create", ticketId, 29683498), "wrong-secret");

		assertThat(response.status()).isEqualTo(401);
		assertThat((String) response.json().get("message")).contains("X-Hook-Signature");
		assertThat(this.alerts.findAllBySourceAndExternalId("autotask", String.valueOf(ticketId))).isEmpty();
	}

	@Test
	void shouldReadFieldsWhateverTheirCaseAndTheOlderNames() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		ApiClient.Response accepted = webhooks().autotask("""
				{"action":"Create","guid":"a1da62a4-2c49-40a8-8183-69994ce5b3eb","entityType":"Ticket","id":%d,
				 "fields":{"queueId":"29683498","AccountID":"174","title":"Printer offline at GLOBEX-HQ",
				  "subIssueType":"311"},
				 "eventTime":"2026-11-21T10:15:00Z","sequenceNumber":4,"personId":30691780}
				""".formatted(ticketId));

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		assertThat(api().alert(accepted.id())).containsEntry("tenant", "globex")
			.containsEntry("externalId", String.valueOf(ticketId))
			.containsEntry("type", "subissue.311")
			.containsEntry("message", "Printer offline at GLOBEX-HQ");
	}

	@Test
	void shouldTakeInATicketWithAFortyKilobyteDescription() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		String description = Alerts.eventLog("Backup job Nightly failed; log follows", 40_960);
		String body = webhook("Create", ticketId, 29683498).replace("Veeam job Nightly failed twice",
				description.replace("\\", "\\\\").replace("\n", "\\n"));

		ApiClient.Response accepted = webhooks().autotask(body);

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "ESCALATED");
		int whole = "Backup failed on ACME-NAS\n".length() + description.strip().length();
		assertThat((String) alert.get("message")).hasSize(4000)
			.startsWith("Backup failed on ACME-NAS\nBackup job Nightly failed")
			.endsWith("… [truncated, " + whole + " characters in all]");
		assertThat(alert).containsEntry("messageTruncated", true).containsEntry("messageLength", whole);
	}

	@Test
	void shouldSayWhichWebhookFieldsAreMissing() {
		ApiClient.Response response = webhooks().autotask("""
				{"Action":"Create","Guid":"g","EntityType":"Ticket","Id":77,"Fields":{"TicketNumber":"T1"}}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("Fields.QueueID", "Fields.CompanyID or Fields.AccountID")
			.doesNotContain("Fields.Title");
	}

	private Webhooks webhooks() {
		return new Webhooks(api());
	}

	/** An Autotask ticket webhook with the fields Closeloop asks for. */
	static String webhook(String action, long ticketId, long queueId) {
		return """
				{"Action":"%s","Guid":"a1da62a4-2c49-40a8-8183-69994ce5b3eb","EntityType":"Ticket","Id":%d,
				 "Fields":{"TicketNumber":"T20261121.0042","QueueID":"%d","CompanyID":"175",
				  "Title":"Backup failed on ACME-NAS","Description":"Veeam job Nightly failed twice",
				  "IssueType":"12","SubIssueType":"311","Priority":"1"},
				 "EventTime":"2026-11-21T10:15:00Z","SequenceNumber":1,"PersonID":30691780}
				""".formatted(action, ticketId, queueId);
	}

}
