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
 * Tactical RMM's URL action, with the body template docs/webhooks.md documents and the
 * shared secret in a request header: failure raises, resolved clears.
 */
class TacticalWebhookTests extends IntegrationTest {

	@Autowired
	private AlertRepository alerts;

	@Test
	void shouldStartTheProcessForAFailedServiceCheckAndResolveIt() {
		String alertId = String.valueOf(System.nanoTime());
		ApiClient.Response accepted = webhooks().withToken("tactical", failure(alertId, "winsvc",
				"Service Spooler (spooler) is stopped", "ACME-WS-" + Alerts.shortId(), "workstation"));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "RESOLVED");
		assertThat(alert).containsEntry("source", "tactical")
			.containsEntry("externalId", alertId)
			.containsEntry("type", "service.stopped")
			.containsEntry("severity", "error");
		assertThat(ApiClient.decision(alert)).containsEntry("remediation", "clear-print-spooler");
	}

	@Test
	void shouldClearAnAlertInFlightWhenTheResolvedActionRuns() {
		String alertId = String.valueOf(System.nanoTime());
		long id = webhooks()
			.withToken("tactical",
					failure(alertId, "diskspace", "Disk space check: C: below 10%", "ACME-SRV-" + Alerts.shortId(),
							"server"))
			.id();
		api().awaitStatus(id, "AWAITING_APPROVAL");

		ApiClient.Response resolved = webhooks().withToken("tactical", """
				{"event":"resolved","alert_id":"%s","agent_id":"agent-1","client_id":"1"}
				""".formatted(alertId));

		assertThat(resolved.status()).isEqualTo(202);
		api().awaitStatus(id, "CLEARED");
	}

	@Test
	void shouldKeepOneAlertWhenTheActionRunsTwice() {
		String body = failure(String.valueOf(System.nanoTime()), "diskspace", "C: low", "ACME-WS-" + Alerts.shortId(),
				"workstation");
		long first = webhooks().withToken("tactical", body).id();

		assertThat(webhooks().withToken("tactical", body).id()).isEqualTo(first);
	}

	@Test
	void shouldRefuseAMissingSecretAndStoreNothing() {
		String alertId = String.valueOf(System.nanoTime());
		ApiClient.Response response = webhooks().send(webhooks().request("/api/webhooks/tactical",
				failure(alertId, "diskspace", "C: low", "ACME-WS-1", "workstation")));

		assertThat(response.status()).isEqualTo(401);
		assertThat(this.alerts.findAllBySourceAndExternalId("tactical", alertId)).isEmpty();
	}

	@Test
	void shouldSayWhichVariableTacticalDidNotFill() {
		ApiClient.Response response = webhooks().withToken("tactical", """
				{"event":"failure","alert_id":"{{alert.id}}","agent_id":"a-1","message":"m","client_id":"1"}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("alert_id", "unfilled template variable {{alert.id}}");
	}

	private Webhooks webhooks() {
		return new Webhooks(api());
	}

	/** The failure action's body with Tactical's variables filled in. */
	static String failure(String alertId, String checkType, String message, String hostname, String monitoringType) {
		return """
				{"event":"failure","alert_id":"%s","alert_type":"check","check_type":"%s","severity":"error",
				 "message":"%s","alert_time":"2026-11-21 10:15:00.123456+00:00",
				 "agent_id":"agent-%s","hostname":"%s","os":"Windows 11 Pro, 64 bit (build 22631)",
				 "monitoring_type":"%s","client_id":"1","client":"Acme Corp","site":"HQ"}
				""".formatted(alertId, checkType, message, hostname, hostname, monitoringType);
	}

}
