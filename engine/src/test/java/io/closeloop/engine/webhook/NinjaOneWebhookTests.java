package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.Webhooks;

/**
 * NinjaOne's activity webhook with the shared secret in a header: a TRIGGERED condition
 * raises an alert, its RESET (another activity of the same series) clears it.
 */
class NinjaOneWebhookTests extends IntegrationTest {

	@Autowired
	private AlertRepository alerts;

	@Test
	void shouldStartTheProcessForATriggeredConditionAndResolveIt() {
		String series = Alerts.uniqueId();
		ApiClient.Response accepted = webhooks().withToken("ninjaone",
				activity(series, "TRIGGERED", "ACME-WS-" + Alerts.shortId(), "WINDOWS_WORKSTATION"));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "RESOLVED");
		assertThat(alert).containsEntry("source", "ninjaone")
			.containsEntry("externalId", series)
			.containsEntry("tenant", "acme")
			.containsEntry("type", "disk.space.low")
			.containsEntry("severity", "warning");
	}

	@Test
	void shouldClearTheAlertWhenTheConditionResets() {
		String series = Alerts.uniqueId();
		long id = webhooks()
			.withToken("ninjaone", activity(series, "TRIGGERED", "ACME-SRV-" + Alerts.shortId(), "WINDOWS_SERVER"))
			.id();
		api().awaitStatus(id, "AWAITING_APPROVAL");

		ApiClient.Response reset = webhooks().withToken("ninjaone",
				activity(series, "RESET", "ACME-SRV-1", "WINDOWS_SERVER"));

		assertThat(reset.status()).isEqualTo(202);
		assertThat(reset.json()).containsEntry("outcome", "CLEARING").containsEntry("id", (int) id);
		assertThat(api().awaitStatus(id, "CLEARED")).containsEntry("type", "disk.space.low");
	}

	@Test
	void shouldAcknowledgeAndIgnoreActivitiesThatAreNotConditions() {
		ApiClient.Response response = webhooks().withToken("ninjaone", """
				{"id":99001,"activityTime":1795258500,"activityType":"ACTIONSET","statusCode":"START_REQUESTED",
				 "deviceId":7,"organizationId":101,"message":"Action set started"}
				""");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("action", "ignored");
		assertThat((String) response.json().get("message"))
			.contains("activity type ACTIONSET is not an alert condition");
	}

	@Test
	void shouldKeepOneAlertForARepeatedTrigger() {
		String body = activity(Alerts.uniqueId(), "TRIGGERED", "ACME-WS-" + Alerts.shortId(), "WINDOWS_WORKSTATION");
		long first = webhooks().withToken("ninjaone", body).id();
		ApiClient.Response second = webhooks().withToken("ninjaone", body);

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.id()).isEqualTo(first);
	}

	@Test
	void shouldRefuseAWrongSecretAndStoreNothing() {
		String series = Alerts.uniqueId();
		ApiClient.Response response = webhooks().withToken("ninjaone",
				activity(series, "TRIGGERED", "ACME-WS-1", "WINDOWS_WORKSTATION"), "not-the-secret");

		assertThat(response.status()).isEqualTo(401);
		assertThat((String) response.json().get("message")).contains("X-Closeloop-Token");
		assertThat(this.alerts.findAllBySourceAndExternalId("ninjaone", series)).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldListWhatAMalformedActivityLacks() {
		ApiClient.Response response = webhooks().withToken("ninjaone", """
				{"activityType":"CONDITION","statusCode":"TRIGGERED","organizationId":{"id":101}}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) response.json().get("errors")).extracting((error) -> error.get("field"))
			.containsExactly("deviceId", "seriesUid or sourceConfigUid");
	}

	private Webhooks webhooks() {
		return new Webhooks(api());
	}

	/**
	 * A NinjaOne condition activity, as its webhook delivers it (with the device
	 * expanded).
	 */
	static String activity(String series, String status, String hostname, String nodeClass) {
		return """
				{"id":%d,"activityTime":1795258500.123,"deviceId":4711,"severity":"MODERATE","priority":"MEDIUM",
				 "seriesUid":"%s","activityType":"CONDITION","statusCode":"%s","status":"%s",
				 "sourceConfigUid":"8b1c5d2e-0000-4000-8000-000000000001","sourceName":"Disk Free Space",
				 "subject":"Disk space low","message":"C: has 4%% free space (below 10%%)","type":"CONDITION",
				 "organizationId":101,
				 "data":{"message":{"code":"CONDITION_DISK_FREE_SPACE","params":{"drive":"C:"}}},
				 "device":{"id":4711,"systemName":"%s","nodeClass":"%s","organizationId":101}}
				""".formatted(Math.abs(series.hashCode()) + (status.equals("RESET") ? 1 : 0), series, status, status,
				hostname, nodeClass);
	}

}
