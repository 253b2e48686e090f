package io.closeloop.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.Webhooks;

/**
 * Tactical RMM's URL action, with the body template docs/webhooks.md documents and the
 * shared secret in a request header: failure raises, resolved clears. The bodies are
 * rendered as Tactical renders them: values pasted in as text, {@code None} for an empty
 * one, and the whole text sent as one JSON string when it is no longer JSON.
 */
class TacticalWebhookTests extends IntegrationTest {

	/** The failure action's body template, as docs/webhooks.md gives it. */
	private static final String TEMPLATE = """
			{"event":"failure","alert_id":"{{alert.id}}","alert_type":"{{alert.alert_type}}",
			 "check_type":"{{alert.assigned_check.check_type}}","service":"{{alert.assigned_check.svc_name}}",
			 "severity":"{{alert.severity}}","message":"{{alert.message}}","alert_time":"{{alert.alert_time}}",
			 "agent_id":"{{agent.agent_id}}","hostname":"{{agent.hostname}}","os":"{{agent.operating_system}}",
			 "monitoring_type":"{{agent.monitoring_type}}","make_model":"{{agent.make_model}}",
			 "client_id":"{{client.id}}","client":"{{client.name}}","site":"{{site.name}}"}""";

	private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*\\}\\}");

	private static final ObjectMapper TACTICAL_JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.build();

	private static final String WINDOWS_11 = "Windows 11 Pro, 64 bit v23H2 (build 22631.3296)";

	@Autowired
	private AlertRepository alerts;

	@Test
	void shouldStartTheProcessForAFailedServiceCheckAndResolveIt() {
		String hostname = "ACME-WS-" + Alerts.shortId();
		Map<String, String> values = serviceCheck(hostname, "Print Spooler", "Spooler");
		ApiClient.Response accepted = webhooks().withToken("tactical", render(values));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "RESOLVED");
		assertThat(alert).containsEntry("source", "tactical")
			.containsEntry("externalId", values.get("alert.id"))
			.containsEntry("type", "service.stopped")
			.containsEntry("severity", "error")
			.containsEntry("message", hostname + " has a winsvc check: Service Check: Print Spooler that failed.")
			.containsEntry("occurredAt", "2026-11-21T10:15:03.412871Z");
		assertThat(ApiClient.decision(alert)).containsEntry("remediation", "clear-print-spooler")
			.containsEntry("tier", "L1");
	}

	@Test
	void shouldTakeInABodyTacticalSentAsOneJsonStringBecauseAQuoteBrokeIt() {
		String hostname = "ACME-WS-" + Alerts.shortId();
		Map<String, String> values = serviceCheck(hostname, "Print \"Spooler\" (Café)", "Spooler");
		values.put("site.name", "Büro \"Nord\"");
		String body = render(values);
		assertThat(body).as("Tactical sends the broken template as a JSON string").startsWith("\"{");

		ApiClient.Response accepted = webhooks().withToken("tactical", body);

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "RESOLVED");
		assertThat(alert).containsEntry("tenant", "acme")
			.containsEntry("externalId", values.get("alert.id"))
			.containsEntry("type", "service.stopped")
			.containsEntry("severity", "error")
			.containsEntry("message",
					hostname + " has a winsvc check: Service Check: Print \"Spooler\" (Café) that failed.")
			.containsEntry("occurredAt", "2026-11-21T10:15:03.412871Z")
			.containsEntry("device", Map.of("id", values.get("agent.agent_id"), "hostname", hostname, "os", WINDOWS_11,
					"role", "workstation"));
		assertThat(ApiClient.decision(alert)).containsEntry("remediation", "clear-print-spooler");
	}

	@Test
	void shouldSayWhatIsMissingFromAJsonStringBodyItCouldOnlyPartlyRead() {
		String alertId = String.valueOf(System.nanoTime());
		String body = json("{\"event\":\"failure\",\"alert_id\":\"" + alertId
				+ "\",\"message\":\"SRV-1 has a script check: Script Check: \"Backup\" that failed.\",\"agent_id\":\"}");

		ApiClient.Response response = webhooks().withToken("tactical", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("(body)", "is a JSON string", "client_id or client", "is missing")
			.doesNotContain("Exception");
		assertThat(this.alerts.findAllBySourceAndExternalId("tactical", alertId)).isEmpty();
	}

	@Test
	void shouldRefuseAJsonStringBodyWithoutAnyField() {
		ApiClient.Response response = webhooks().withToken("tactical", json("Internal error: check failed"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("(body)", "alert_id", "is missing");
	}

	@Test
	void shouldTakeTheValuesTacticalRendersAsNoneAsAbsent() {
		// An availability alert: no check, and the agent never reported its OS.
		String hostname = "ACME-SRV-" + Alerts.shortId();
		Map<String, String> values = values(hostname, "server", "None", "None");
		values.put("alert.alert_type", "availability");
		values.put("alert.assigned_check.check_type", "None");
		values.put("alert.assigned_check.svc_name", "None");
		values.put("alert.alert_time", "None");
		values.put("site.name", "None");
		values.put("alert.message", hostname + " in Acme Corp, HQ is overdue.");
		ApiClient.Response accepted = webhooks().withToken("tactical", render(values));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "ESCALATED");
		assertThat(alert).containsEntry("type", "agent.offline")
			.containsEntry("message", hostname + " in Acme Corp, HQ is overdue.")
			.containsEntry("occurredAt", alert.get("receivedAt"));
		assertThat(alert.get("device")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("hostname", hostname)
			.containsEntry("os", null)
			.containsEntry("role", "server");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "2026-11-21 10:15:03.412871+00:00 | 2026-11-21T10:15:03.412871Z",
					"2026-11-21 10:15:03+00:00 | 2026-11-21T10:15:03Z",
					"2026-11-21 12:15:03.5+02:00 | 2026-11-21T10:15:03.500Z",
					"2026-11-21T10:15:03.412871Z | 2026-11-21T10:15:03.412871Z" })
	void shouldReadTheAlertTimeInTheFormsTacticalWritesIt(String written, String read) {
		Map<String, String> values = diskCheck("ACME-WS-" + Alerts.shortId(), "workstation", WINDOWS_11, "None");
		values.put("alert.alert_time", written);

		ApiClient.Response accepted = webhooks().withToken("tactical", render(values));

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(Instant.parse((String) api().alert(accepted.id()).get("occurredAt"))).isEqualTo(Instant.parse(read));
	}

	@Test
	void shouldTakeTheReceiptTimeForAnAlertTimeItCannotRead() {
		Map<String, String> values = diskCheck("ACME-WS-" + Alerts.shortId(), "workstation", WINDOWS_11, "None");
		values.put("alert.alert_time", "Sat Nov 21 10:15:03 2026");
		Instant before = Instant.now();

		ApiClient.Response accepted = webhooks().withToken("tactical", render(values));

		assertThat(accepted.status()).isEqualTo(202);
		String occurredAt = (String) api().alert(accepted.id()).get("occurredAt");
		assertThat(occurredAt).as("the receipt time").isNotNull();
		assertThat(Instant.parse(occurredAt)).isBetween(before, Instant.now());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "a Linux server | server | Ubuntu 22.04 x86_64 5.15.0-105-generic | Dell Inc. PowerEdge R650",
					"an ESXi host | None | VMware ESXi 8.0.2 x86_64 | VMware, Inc. VMware7,1",
					"a Windows VM installed as a workstation | workstation | " + WINDOWS_11
							+ " | Microsoft Corporation Virtual Machine",
					"a Linux VM installed as a workstation | workstation | Debian 12.5 x86_64 6.1.0-18-amd64"
							+ " | QEMU Standard PC (Q35 + ICH9, 2009)" })
	void shouldNeverLetAFixRunAloneOnAServer(String what, String monitoringType, String os, String makeModel) {
		String hostname = "ACME-SRV-" + Alerts.shortId();
		ApiClient.Response accepted = webhooks().withToken("tactical",
				render(diskCheck(hostname, monitoringType, os, makeModel)));

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "AWAITING_APPROVAL");
		assertThat(alert.get("device")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("role", "server");
		assertThat(ApiClient.decision(alert)).containsEntry("remediation", "disk-cleanup").containsEntry("tier", "L2");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldNameTheServiceThatAServiceChecksMessageCallsByItsDisplayName() {
		String hostname = "ACME-DC-" + Alerts.shortId();
		Map<String, String> values = serviceCheck(hostname, "Active Directory Domain Services", "NTDS");
		values.put("agent.monitoring_type", "server");
		ApiClient.Response accepted = webhooks().withToken("tactical", render(values));

		Map<String, Object> alert = api().awaitStatus(accepted.id(), "AWAITING_APPROVAL");
		assertThat(alert).containsEntry("message", hostname
				+ " has a winsvc check: Service Check: Active Directory Domain Services that failed. (service NTDS)");
		List<Map<String, Object>> traits = (List<Map<String, Object>>) ((Map<String, Object>) alert
			.get("classification")).get("traits");
		assertThat(traits).extracting((trait) -> trait.get("kind")).contains("CRITICAL_SERVICE", "PRODUCTION_DATA");
	}

	@Test
	void shouldClearAnAlertInFlightWhenTheResolvedActionRuns() {
		Map<String, String> values = diskCheck("ACME-SRV-" + Alerts.shortId(), "server",
				"Windows Server 2022 Standard, 64 bit v21H2 (build 20348.2340)", "HPE ProLiant DL380 Gen10");
		long id = webhooks().withToken("tactical", render(values)).id();
		api().awaitStatus(id, "AWAITING_APPROVAL");

		ApiClient.Response resolved = webhooks().withToken("tactical", """
				{"event":"resolved","alert_id":"%s","agent_id":"agent-1","client_id":"1"}
				""".formatted(values.get("alert.id")));

		assertThat(resolved.status()).isEqualTo(202);
		api().awaitStatus(id, "CLEARED");
	}

	@Test
	void shouldKeepOneAlertWhenTheActionRunsTwice() {
		String body = render(diskCheck("ACME-WS-" + Alerts.shortId(), "workstation", WINDOWS_11, "None"));
		long first = webhooks().withToken("tactical", body).id();

		assertThat(webhooks().withToken("tactical", body).id()).isEqualTo(first);
	}

	@Test
	void shouldRefuseAMissingSecretAndStoreNothing() {
		Map<String, String> values = diskCheck("ACME-WS-1", "workstation", WINDOWS_11, "None");
		ApiClient.Response response = webhooks().send(webhooks().request("/api/webhooks/tactical", render(values)));

		assertThat(response.status()).isEqualTo(401);
		assertThat(this.alerts.findAllBySourceAndExternalId("tactical", values.get("alert.id"))).isEmpty();
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

	/** A failed service check on a Windows 11 workstation. */
	private static Map<String, String> serviceCheck(String hostname, String displayName, String serviceName) {
		Map<String, String> values = values(hostname, "workstation", WINDOWS_11, "LENOVO ThinkPad T14 Gen 3");
		values.put("alert.assigned_check.check_type", "winsvc");
		values.put("alert.assigned_check.svc_name", serviceName);
		values.put("alert.message", hostname + " has a winsvc check: Service Check: " + displayName + " that failed.");
		return values;
	}

	/** A failed disk space check; its alert severity is error. */
	private static Map<String, String> diskCheck(String hostname, String monitoringType, String os, String makeModel) {
		Map<String, String> values = values(hostname, monitoringType, os, makeModel);
		values.put("alert.assigned_check.check_type", "diskspace");
		values.put("alert.assigned_check.svc_name", "None");
		values.put("alert.message", hostname
				+ " has a diskspace check: Disk Space Check: Drive C: -  Warning Threshold: 25% Error Threshold: 10% that failed.");
		return values;
	}

	private static Map<String, String> values(String hostname, String monitoringType, String os, String makeModel) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("alert.id", String.valueOf(System.nanoTime()));
		values.put("alert.alert_type", "check");
		values.put("alert.severity", "error");
		values.put("alert.alert_time", "2026-11-21 10:15:03.412871+00:00");
		values.put("agent.agent_id", "agent-" + hostname);
		values.put("agent.hostname", hostname);
		values.put("agent.operating_system", os);
		values.put("agent.monitoring_type", monitoringType);
		values.put("agent.make_model", makeModel);
		values.put("client.id", "1");
		values.put("client.name", "Acme Corp");
		values.put("site.name", "HQ");
		return values;
	}

	/**
	 * The body as Tactical sends it: each variable replaced by its text, unescaped; the
	 * result sent as it is when it reads as JSON, or else as one JSON string.
	 */
	private static String render(Map<String, String> values) {
		Matcher variable = VARIABLE.matcher(TEMPLATE);
		StringBuilder rendered = new StringBuilder();
		while (variable.find()) {
			String value = values.get(variable.group(1));
			variable.appendReplacement(rendered, Matcher.quoteReplacement((value != null) ? value : "None"));
		}
		variable.appendTail(rendered);
		String text = rendered.toString();
		try {
			return TACTICAL_JSON.writeValueAsString(TACTICAL_JSON.readTree(text));
		}
		catch (JsonProcessingException ex) {
			return json(text);
		}
	}

	/** A text as one JSON string, with Python's ASCII escapes. */
	private static String json(String text) {
		try {
			return TACTICAL_JSON.writeValueAsString(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
