package io.closeloop.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;

/**
 * No alert is lost to its size or to a field it left out: an event-log message of tens of
 * kilobytes is taken in, decided on, shown cut with a note and kept whole; an alert
 * without any one optional field is taken in with its default; only an alert without a
 * tenant, an identity or a device is refused, naming what it lacks.
 */
class AlertIntakeFittingTests extends IntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void shouldTakeInAFortyKilobyteEventLogMessageDecideItAndKeepItWhole() throws Exception {
		String message = Alerts.eventLog("C: free space 4% (below 10%) — Journal d’événements", 40 * 1024);
		ObjectNode body = body(Alerts.workstationDiskLow());
		body.put("message", message);

		ApiClient.Response accepted = api().postAlert(body.toString());

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> alert = api().awaitStatus(accepted.id(), "RESOLVED");
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L1").containsEntry("remediation", "disk-cleanup");
		assertThat((String) alert.get("message")).hasSize(4000)
			.startsWith("C: free space 4% (below 10%) — Journal d’événements\n")
			.endsWith("… [truncated, " + message.length() + " characters in all]");
		assertThat(alert).containsEntry("messageTruncated", true).containsEntry("messageLength", message.length());
		assertThat(fullMessage(accepted.id())).isEqualTo(new ApiClient.Response(200, message, null));
		assertThat(ApiClient.timeline(alert).get(0)).containsEntry("step", "Received");
		assertThat((String) ApiClient.timeline(alert).get(0).get("detail"))
			.contains("message cut to 4000 of its " + message.length() + " characters; the whole message is kept");
	}

	@Test
	void shouldReadTheWholeMessageForWordsThatVetoAutonomy() throws Exception {
		// Past the part the alert holds, the log shows shadow copies being deleted.
		String message = Alerts.eventLog("C: free space 2%", 20_000) + "\nvssadmin.exe delete shadows /all /quiet\n"
				+ Alerts.eventLog("Disk 0", 5_000);
		ObjectNode body = body(Alerts.workstationDiskLow());
		body.put("message", message);

		long id = api().postAlert(body.toString()).id();

		Map<String, Object> alert = api().awaitStatus(id, "ESCALATED");
		assertThat(ApiClient.decision(alert)).containsEntry("tier", "L3");
		assertThat((String) alert.get("message")).doesNotContain("vssadmin");
	}

	@Test
	void shouldShowAMessageThatFitsAsItIs() {
		long id = api().postAlert(Alerts.workstationDiskLow()).id();

		Map<String, Object> alert = api().alert(id);
		assertThat(alert).containsEntry("message", "C: free space 4%")
			.containsEntry("messageTruncated", false)
			.containsEntry("messageLength", 16);
		assertThat(fullMessage(id).body()).isEqualTo("C: free space 4%");
	}

	@ParameterizedTest
	@ValueSource(strings = { "type", "severity", "message", "occurredAt", "metrics", "device.hostname", "device.os",
			"device.role" })
	void shouldTakeInAnAlertWithoutAnOptionalField(String field) throws Exception {
		ObjectNode body = body(Alerts.workstationDiskLow());
		ObjectNode parent = field.startsWith("device.") ? (ObjectNode) body.get("device") : body;
		parent.remove(field.substring(field.indexOf('.') + 1));

		ApiClient.Response accepted = api().postAlert(body.toString());

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		Map<String, Object> alert = api().awaitAlert(accepted.id(), (stored) -> stored.get("decision") != null,
				Duration.ofSeconds(30));
		switch (field) {
			case "type" -> assertThat(alert).containsEntry("type", "unknown");
			case "severity" -> assertThat(alert).containsEntry("severity", "warning");
			case "message" -> assertThat(alert).containsEntry("message", "(no message)");
			case "occurredAt" -> assertThat(alert.get("occurredAt")).isEqualTo(alert.get("receivedAt"));
			case "metrics" -> assertThat(alert).containsEntry("metrics", Map.of());
			default -> assertThat(device(alert)).containsEntry(field.substring(7), null);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"   \"", "null" })
	void shouldTakeBlankOptionalFieldsAsLeftOut(String blank) {
		String body = """
				{"source":"ninjaone","externalId":"%s","tenant":"acme","device":{"id":"4711","hostname":%s},
				 "type":%s,"severity":%s,"message":%s,"occurredAt":null,"metrics":null}
				""".formatted(Alerts.uniqueId(), blank, blank, blank, blank);

		ApiClient.Response accepted = api().postAlert(body);

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		Map<String, Object> alert = api().alert(accepted.id());
		assertThat(alert).containsEntry("type", "unknown")
			.containsEntry("severity", "warning")
			.containsEntry("message", "(no message)");
		assertThat((String) ApiClient.timeline(alert).get(0).get("detail")).contains("no message given",
				"no type given: unknown", "no severity given: warning", "no time given: the time it was received");
	}

	@Test
	void shouldCutEveryTextTooLongForItsColumnWithANote() throws Exception {
		ObjectNode body = body(Alerts.workstationDiskLow());
		ObjectNode device = (ObjectNode) body.get("device");
		device.put("hostname", "ACME-WS-" + "9".repeat(292));
		device.put("os", "Microsoft Windows 11 Pro for Workstations, build 22631.4460 ".repeat(6));

		ApiClient.Response accepted = api().postAlert(body.toString());

		assertThat(accepted.status()).isEqualTo(202);
		Map<String, Object> shown = device(api().alert(accepted.id()));
		assertThat((String) shown.get("hostname")).hasSize(255).endsWith("… [truncated, 300 characters in all]");
		assertThat((String) shown.get("os")).hasSize(255).endsWith("characters in all]");
	}

	@ParameterizedTest
	@CsvSource({ "source, source", "externalId, externalId", "tenant, tenant", "device, device",
			"device.id, device.id" })
	void shouldStillRefuseAnAlertWithoutWhatMakesItUsable(String removed, String named) throws Exception {
		ObjectNode body = body(Alerts.workstationDiskLow());
		ObjectNode parent = removed.startsWith("device.") ? (ObjectNode) body.get("device") : body;
		parent.remove(removed.substring(removed.indexOf('.') + 1));

		ApiClient.Response response = api().postAlert(body.toString());

		assertThat(response.status()).isEqualTo(400);
		assertThat(errorFields(response)).containsExactly(named);
		assertThat(response.body()).doesNotContain("Exception");
	}

	@Test
	void shouldRefuseAnIdentityTooLongToKeepRatherThanChangeIt() throws Exception {
		ObjectNode body = body(Alerts.workstationDiskLow());
		body.put("externalId", "a-" + "7".repeat(250));

		ApiClient.Response response = api().postAlert(body.toString());

		assertThat(response.status()).isEqualTo(400);
		assertThat(errorFields(response)).containsExactly("externalId");
	}

	@Test
	void shouldAnswer404ForTheMessageOfAnUnknownAlert() {
		assertThat(fullMessage(987_654_321L).status()).isEqualTo(404);
	}

	private ApiClient.Response fullMessage(long id) {
		ApiClient api = api();
		return api.send(HttpRequest.newBuilder(api.uri("/api/alerts/" + id + "/message"))
			.header("X-Api-Key", ApiClient.DEMO_KEY)
			.build());
	}

	private static ObjectNode body(String json) throws Exception {
		return (ObjectNode) JSON.readTree(json);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> device(Map<String, Object> alert) {
		return (Map<String, Object>) alert.get("device");
	}

	@SuppressWarnings("unchecked")
	private static List<String> errorFields(ApiClient.Response response) {
		return ((List<Map<String, Object>>) response.json().get("errors")).stream()
			.map((error) -> (String) error.get("field"))
			.toList();
	}

}
