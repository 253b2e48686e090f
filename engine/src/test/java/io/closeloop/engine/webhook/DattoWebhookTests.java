package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.Webhooks;
import io.closeloop.engine.zeebe.EmbeddedZeebe;
import io.closeloop.engine.zeebe.EngineWatchdog;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.ui.tasks.ApprovalDesk;
import io.closeloop.ui.tasks.ApprovalOutcome;

/**
 * Datto RMM's alert webhook, in the template docs/webhooks.md documents, with the token
 * in the URL: raising, resolving (in flight, not yet started, already final), duplicates,
 * and every way a call is refused.
 */
class DattoWebhookTests extends IntegrationTest {

	@Autowired
	private AlertRepository alerts;

	@Autowired
	private ApprovalDesk desk;

	@Autowired
	private EmbeddedZeebe zeebe;

	@Autowired
	private EngineWatchdog watchdog;

	@Test
	void shouldStartTheProcessForADiskAlertAndResolveIt() {
		String alertUid = Alerts.uniqueId();
		ApiClient.Response accepted = webhooks()
			.datto(raised(alertUid, "ACME-WS-" + Alerts.shortId(), "Microsoft Windows 11 Pro"));

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.json()).containsEntry("vendor", "datto")
			.containsEntry("action", "raised")
			.containsEntry("duplicate", false);
		assertThat(accepted.location()).isEqualTo("/api/alerts/" + accepted.id());
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "RESOLVED");
		assertThat(alert).containsEntry("source", "datto")
			.containsEntry("externalId", alertUid)
			.containsEntry("tenant", "acme")
			.containsEntry("type", "disk.space.low")
			.containsEntry("severity", "warning");
		assertThat(ApiClient.decision(alert)).containsEntry("remediation", "disk-cleanup");
	}

	@Test
	void shouldTakeInAnAlertWhoseOptionalVariablesDattoLeftOutOrUnfilled() {
		String absent = raised(Alerts.uniqueId(), "GLOBEX-WS-" + Alerts.shortId(), "Microsoft Windows 10 Pro")
			.replace("\"alertCategory\":\"Disk Usage\",", "")
			.replace("demo-site-acme", "demo-site-globex");
		// Every optional variable left as Datto leaves one it does not know.
		String unfilled = raised(Alerts.uniqueId(), "ACME-LT-" + Alerts.shortId(), "[device_os]")
			.replace("\"Disk Usage\"", "\"[alert_category]\"")
			.replace("\"Monitor\"", "\"[alert_type]\"")
			.replace("\"Moderate\"", "\"[alert_priority]\"");

		for (String body : List.of(absent, unfilled)) {
			ApiClient.Response accepted = webhooks().datto(body);

			assertThat(accepted.status()).isEqualTo(202);
			// Nothing says what kind of alert it is: a person looks at it.
			Map<String, Object> alert = api().awaitStatus(accepted.id(), "ESCALATED");
			assertThat(alert).containsEntry("source", "datto").containsEntry("message", "C: free space 4% (below 10%)");
			assertThat(ApiClient.decision(alert)).containsEntry("tier", "L3");
		}
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(nullValues = "-", value = { "ACME-NFS, Ubuntu 22.04.4 LTS, -", "acme-esx, VMware ESXi 8.0.2, ESXi Host",
			"ACME-DB, Debian GNU/Linux 12 (bookworm), Server" })
	void shouldNeverLetADiskFixRunAloneOnALinuxServerOrAHypervisor(String host, String os, String deviceType) {
		String body = raised(Alerts.uniqueId(), host + "-" + Alerts.shortId(), os);
		if (deviceType != null) {
			body = body.replace("\"platform\"", "\"deviceType\":\"" + deviceType + "\",\"platform\"");
		}
		ApiClient.Response accepted = webhooks().datto(body);

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "AWAITING_APPROVAL");
		assertThat(alert).containsEntry("type", "disk.space.low");
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L2").containsEntry("remediation", "disk-cleanup");
	}

	@Test
	void shouldClearAnAlertWaitingForApprovalAndTellTheTechnicianItMovedOn() {
		String alertUid = Alerts.uniqueId();
		long id = webhooks().datto(raised(alertUid, "ACME-SRV-" + Alerts.shortId(), "Windows Server 2022")).id();
		api().awaitStatus(id, "AWAITING_APPROVAL");
		long taskId = openTaskFor(id).id();

		ApiClient.Response cleared = webhooks().datto(resolved(alertUid));

		assertThat(cleared.status()).isEqualTo(202);
		assertThat(cleared.json()).containsEntry("action", "cleared").containsEntry("outcome", "CLEARING");
		Map<String, Object> alert = api().awaitStatus(id, "CLEARED");
		assertThat(ApiClient.steps(alert)).contains("Clear received", "Cleared at source")
			.doesNotContain("Remediating");
		Map<String, Object> ticket = api().awaitAlert(id, (a) -> "Closed".equals(api().ticketOf(a).get("status")),
				Duration.ofSeconds(30));
		assertThat(ApiClient.notes(api().ticketOf(ticket))).contains("Closed: Cleared at source")
			.anySatisfy((note) -> assertThat(note).startsWith("Cleared at source: datto reported the alert resolved"));
		assertThat(this.desk.decide(taskId, true, "go", "technician", TenantScope.everything()))
			.isEqualTo(ApprovalOutcome.NO_LONGER_WAITING);
	}

	@Test
	void shouldChangeNothingWhenAResolvedAlertIsResolvedAgain() {
		String alertUid = Alerts.uniqueId();
		long id = webhooks().datto(raised(alertUid, "ACME-WS-" + Alerts.shortId(), "Windows 11")).id();
		api().awaitStatus(id, "RESOLVED");

		ApiClient.Response again = webhooks().datto(resolved(alertUid));

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).containsEntry("outcome", "ALREADY_FINAL").containsEntry("status", "RESOLVED");
		assertThat(api().alert(id)).containsEntry("status", "RESOLVED");
	}

	@Test
	void shouldSayWhenItKnowsNoSuchAlert() {
		ApiClient.Response response = webhooks().datto(resolved(Alerts.uniqueId()));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("outcome", "UNKNOWN");
	}

	@Test
	void shouldNeverStartAnAlertClearedBeforeItsProcessStarted() {
		String alertUid = Alerts.uniqueId();
		this.zeebe.stopEngine();
		long id;
		try {
			ApiClient.Response stored = webhooks().datto(raised(alertUid, "ACME-WS-" + Alerts.shortId(), "Windows 11"));
			assertThat(stored.status()).isEqualTo(202);
			id = stored.id();
			assertThat(api().alert(id)).containsEntry("status", "RECEIVED");

			ApiClient.Response cleared = webhooks().datto(resolved(alertUid));

			assertThat(cleared.status()).isEqualTo(200);
			assertThat(cleared.json()).containsEntry("outcome", "CLEARED_BEFORE_START")
				.containsEntry("status", "CLEARED");
		}
		finally {
			for (int probe = 0; probe < 3 && !this.watchdog.probe().up(); probe++) {
				// The watchdog replaces the stopped engine after its third failed probe.
			}
		}
		// The engine is back and its outbox has been looked at: the cleared alert stays
		// unstarted.
		api().awaitAlert(id, (stored) -> true, Duration.ofSeconds(1));
		pause(Duration.ofSeconds(2));
		Map<String, Object> alert = api().alert(id);
		assertThat(alert).containsEntry("status", "CLEARED");
		assertThat(ApiClient.steps(alert)).contains("Cleared at source").doesNotContain("Process started");
	}

	@Test
	void shouldKeepOneAlertWhenDattoDeliversTwice() {
		String body = raised(Alerts.uniqueId(), "ACME-WS-" + Alerts.shortId(), "Windows 11");
		ApiClient.Response first = webhooks().datto(body);
		ApiClient.Response second = webhooks().datto(body);

		assertThat(first.status()).isEqualTo(202);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.json()).containsEntry("duplicate", true);
		assertThat(ApiClient.steps(api().alert(first.id()))).contains("Duplicate received");
	}

	@Test
	void shouldRefuseAWrongOrMissingTokenAndStoreNothing() {
		String alertUid = Alerts.uniqueId();
		String body = raised(alertUid, "ACME-WS-1", "Windows 11");

		ApiClient.Response wrong = webhooks().datto(body, "demo-datto-token-guessed");
		ApiClient.Response missing = webhooks().send(webhooks().request("/api/webhooks/datto", body));

		for (ApiClient.Response response : List.of(wrong, missing)) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.json()).containsEntry("error", "Unauthorized");
			assertThat((String) response.json().get("message")).contains("?token=").doesNotContain("demo-datto-token");
		}
		assertThat(this.alerts.findAllBySourceAndExternalId("datto", alertUid)).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldListEveryMissingFieldAndUnfilledVariableOfAMalformedPayload() {
		ApiClient.Response response = webhooks().datto("""
				{"event":"raised","alertUid":"[alert_uid]","alertMessage":"","deviceUid":"d-1"}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) response.json().get("errors")).extracting((error) -> error.get("field"))
			.containsExactlyInAnyOrder("alertUid", "siteUid");
		assertThat(response.body()).contains("unfilled template variable [alert_uid]").doesNotContain("Exception");
		assertThat(webhooks().datto("not json").status()).isEqualTo(400);
		assertThat(webhooks().datto("[1,2]").status()).isEqualTo(400);
	}

	@Test
	void shouldTakeInAFortyKilobyteEventLogAlertAndResolveIt() throws Exception {
		String message = Alerts.eventLog("C: free space 3% (below 10%)", 40_000);
		ObjectNode body = (ObjectNode) JSON
			.readTree(raised(Alerts.uniqueId(), "ACME-WS-" + Alerts.shortId(), "Windows 11"));
		body.put("alertMessage", message);

		ApiClient.Response accepted = webhooks().datto(body.toString());

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "RESOLVED");
		// Datto's texts are taken trimmed.
		int whole = message.strip().length();
		assertThat((String) alert.get("message")).hasSize(4000)
			.endsWith("… [truncated, " + whole + " characters in all]");
		assertThat(alert).containsEntry("messageTruncated", true).containsEntry("messageLength", whole);
		assertThat(ApiClient.decision(alert)).containsEntry("remediation", "disk-cleanup");
	}

	@Test
	void shouldTakeInAnAlertWithoutMessageOrWithVariablesLeftUnfilledInOptionalFields() throws Exception {
		ObjectNode body = (ObjectNode) JSON.readTree(raised(Alerts.uniqueId(), "ACME-WS-" + Alerts.shortId(), "x"));
		body.remove("alertMessage");
		body.put("deviceHostname", "[device_hostname]");
		body.put("deviceOs", "[device_os]");

		ApiClient.Response accepted = webhooks().datto(body.toString());

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		Map<String, Object> alert = api().alert(accepted.id());
		assertThat(alert).containsEntry("message", "(no message)").containsEntry("type", "disk.space.low");
	}

	@Test
	void shouldSayWhichSiteIsNotMappedToATenant() {
		ApiClient.Response response = webhooks().datto(
				raised(Alerts.uniqueId(), "ACME-WS-1", "Windows 11").replace("demo-site-acme", "site-nobody-mapped"));

		assertThat(response.status()).isEqualTo(422);
		assertThat((String) response.json().get("message")).contains("siteUid 'site-nobody-mapped' is not mapped",
				"closeloop.webhooks.datto.tenants");
	}

	@Test
	void shouldAnswer404ForAVendorItDoesNotKnow() {
		ApiClient.Response response = webhooks().withToken("kaseya", "{}", "anything");

		assertThat(response.status()).isEqualTo(404);
		assertThat((String) response.json().get("message")).contains("closeloop.webhooks.kaseya");
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private Webhooks webhooks() {
		return new Webhooks(api());
	}

	/** What Datto sends with the documented template filled in. */
	static String raised(String alertUid, String hostname, String os) {
		return """
				{"event":"raised","alertUid":"%s","alertMessage":"C: free space 4%% (below 10%%)",
				 "alertPriority":"Moderate","alertCategory":"Disk Usage","alertType":"Monitor",
				 "deviceUid":"dev-%s","deviceHostname":"%s","deviceOs":"%s",
				 "siteUid":"demo-site-acme","siteName":"Acme Corp","platform":"merlot","timestamp":"1795258500000"}
				""".formatted(alertUid, hostname, hostname, os);
	}

	static String resolved(String alertUid) {
		return """
				{"event":"resolved","alertUid":"%s","alertMessage":"C: free space 4%% (below 10%%)",
				 "deviceUid":"dev-1","siteUid":"demo-site-acme","platform":"merlot"}
				""".formatted(alertUid);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
