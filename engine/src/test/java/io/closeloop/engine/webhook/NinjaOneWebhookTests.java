package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.Webhooks;

/**
 * NinjaOne's activity webhook with the shared secret in a header, in the shape of
 * NinjaOne's published {@code Activity} with the device expanded: a triggered condition
 * raises an alert, its reset (another activity of the same series) clears it, a threat or
 * a failure reaches a person, and servers, hypervisors and virtual machines never act
 * alone.
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
	void shouldAcknowledgeAndIgnoreActivitiesThatAreOnlyInformational() {
		for (String activity : List.of("""
				{"id":99001,"activityTime":1795258500,"activityType":"ACTIONSET","statusCode":"START_REQUESTED",
				 "status":"Start Requested","type":"Action Set","deviceId":7,"message":"Action set started",
				 "device":{"id":7,"organizationId":101,"nodeClass":"WINDOWS_WORKSTATION"}}
				""", """
				{"id":99002,"activityTime":1795258511.5,"activityType":"NINJA_BACKUP","statusCode":"COMPLETED",
				 "activityResult":"SUCCESS","type":"Ninja Backup","deviceId":8,"message":"Backup job completed",
				 "device":{"id":8,"organizationId":102,"nodeClass":"WINDOWS_SERVER"}}
				""")) {
			ApiClient.Response response = webhooks().withToken("ninjaone", activity);

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json()).containsEntry("action", "ignored");
			assertThat((String) response.json().get("message")).contains("neither a condition, a threat nor a failure");
		}
	}

	@Test
	void shouldHandAThreatTheAntivirusReportedToAPerson() {
		String series = Alerts.uniqueId();
		ApiClient.Response accepted = webhooks().withToken("ninjaone",
				"""
						{"id":%d,"activityTime":1795259100.25,"deviceId":5120,"seriesUid":"%s","activityType":"ANTIVIRUS",
						 "statusCode":"WEBROOT_THREAT_DETECTED","status":"Threat detected","type":"Antivirus",
						 "sourceName":"Webroot","subject":"Trojan.Agent.Gen found","message":"Webroot found Trojan.Agent.Gen in the downloads folder",
						 "device":{"id":5120,"organizationId":102,"nodeClass":"WINDOWS_WORKSTATION","systemName":"GLOBEX-LT-%s"}}
						"""
					.formatted(Math.abs(series.hashCode()), series, Alerts.shortId()));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "ESCALATED");
		assertThat(alert).containsEntry("tenant", "globex").containsEntry("type", "antivirus.threat");
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L3").containsEntry("path", "PERSON");
	}

	@Test
	void shouldHandAFailedBackupToAPerson() {
		ApiClient.Response accepted = webhooks().withToken("ninjaone", """
				{"id":%d,"activityTime":1795259222,"deviceId":6001,"activityType":"NINJA_BACKUP",
				 "statusCode":"NINJA_BACKUP_BACKUPJOB_FAILED","status":"Backup job failed","type":"Ninja Backup",
				 "message":"Backup plan Nightly image failed: destination unreachable",
				 "device":{"id":6001,"organizationId":101,"nodeClass":"WINDOWS_WORKSTATION","systemName":"ACME-WS-%s"}}
				""".formatted(Math.abs(Alerts.uniqueId().hashCode()), Alerts.shortId()));

		assertThat(accepted.status()).isEqualTo(202);
		// A backup protects client data: never L1; its category starts in shadow mode, so
		// a
		// person handles it.
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "ESCALATED");
		assertThat(alert).containsEntry("type", "backup.failed").containsKey("escalationReason");
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L2")
			.containsEntry("remediation", "rerun-backup-job");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "LINUX_SERVER, ACME-NFS", "VMWARE_VM_HOST, acme-esx", "VMWARE_VM_GUEST, ACME-APP-VM",
			"HYPERV_VMM_GUEST, ACME-RDS-VM", "HYPERV_VMM_HOST, ACME-HV" })
	void shouldNeverLetADiskFixRunAloneOnAServerHypervisorOrVirtualMachine(String nodeClass, String host) {
		ApiClient.Response accepted = webhooks().withToken("ninjaone",
				activity(Alerts.uniqueId(), "TRIGGERED", host + "-" + Alerts.shortId(), nodeClass));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "AWAITING_APPROVAL");
		assertThat(alert).containsEntry("type", "disk.space.low");
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L2").containsEntry("remediation", "disk-cleanup");
	}

	@Test
	void shouldTypeAConditionByItsMessageCode() {
		String body = activity(Alerts.uniqueId(), "TRIGGERED", "ACME-WS-" + Alerts.shortId(), "WINDOWS_WORKSTATION")
			.replace("\"code\":\"agent_cond_unmapped_example\"", "\"code\":\"vmm_cond_memory_usage_ge\"");
		ApiClient.Response accepted = webhooks().withToken("ninjaone", body);

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(api().awaitAlert(accepted.id(), (alert) -> alert.get("type") != null, Duration.ofSeconds(30)))
			.containsEntry("type", "memory.high");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldNameTheExpandedDeviceWhenTheOrganizationIsMissing() {
		String body = activity(Alerts.uniqueId(), "TRIGGERED", "ACME-WS-1", "WINDOWS_WORKSTATION")
			.replaceAll(",\\s*\"device\":\\{[^}]*\\}", "");
		ApiClient.Response response = webhooks().withToken("ninjaone", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) response.json().get("errors")).extracting((error) -> error.get("field"))
			.containsExactly("device.organizationId or organizationId");
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
	 * A NinjaOne condition activity as its webhook delivers it with the device expanded:
	 * codes in {@code activityType}/{@code statusCode}, display texts in
	 * {@code type}/{@code status}, the organisation only under {@code device}.
	 */
	static String activity(String series, String status, String hostname, String nodeClass) {
		String display = status.equals("RESET") ? "Reset" : "Triggered";
		return """
				{"id":%d,"activityTime":1795258500.123,"deviceId":4711,"severity":"MODERATE","priority":"MEDIUM",
				 "seriesUid":"%s","activityType":"CONDITION","statusCode":"%s","status":"%s",
				 "sourceConfigUid":"8b1c5d2e-0000-4000-8000-000000000001","sourceName":"Disk Free Space",
				 "subject":"","message":"C: has 4%% free space (below 10%%)","type":"Condition",
				 "data":{"message":{"code":"agent_cond_unmapped_example","params":{"target":"C:","unit":"%%","value":4.0}}},
				 "device":{"id":4711,"organizationId":101,"locationId":3,"nodeClass":"%s","offline":false,
				  "systemName":"%s","displayName":"%s"}}
				"""
			.formatted(Math.abs(series.hashCode()) + (status.equals("RESET") ? 1 : 0), series, status, display,
					nodeClass, hostname, hostname);
	}

}
