package io.closeloop.engine.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.ConnectWiseKeyServer;
import io.closeloop.engine.support.IntegrationTest;
import io.closeloop.engine.support.Webhooks;

/**
 * ConnectWise PSA's signed ticket callbacks: a ticket added on a configured board starts
 * a process; other boards and other actions are acknowledged and ignored. A callback the
 * configured key does not sign is checked with the key its key URL names, fetched only
 * from the configured host (a stand-in here).
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
		// Its key URL names ConnectWise's cloud, which this installation does not fetch
		// keys from.
		assertThat((String) response.json().get("message")).contains("Metadata.key_url",
				"https://api-na.myconnectwise.net:443", "key-url.hosts");
		assertThat(this.alerts.findAllBySourceAndExternalId("connectwise", String.valueOf(ticketId))).isEmpty();
	}

	@Test
	void shouldFetchTheKeyAConfiguredHostNamesWhenTheConfiguredKeyNoLongerSigns() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		String path = keyPath();
		ConnectWiseKeyServer.server()
			.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"signing_key\":\"rotated-Zq81vK\"}")));
		String body = callback("added", ticketId, 21, ConnectWiseKeyServer.origin() + path + "?companyName=msp&id=1");

		ApiClient.Response accepted = webhooks().connectwise(body, "rotated-Zq81vK");
		ApiClient.Response again = webhooks().connectwise(body, "rotated-Zq81vK");

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.id()).isEqualTo(accepted.id());
		ConnectWiseKeyServer.server().verify(1, getRequestedFor(urlPathEqualTo(path)));
	}

	@Test
	void shouldAskForTheCallbackAgainWhenItsKeyCannotBeFetched() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		String path = keyPath();
		ConnectWiseKeyServer.server().stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(502)));
		String body = callback("added", ticketId, 21, ConnectWiseKeyServer.origin() + path + "?companyName=msp&id=2");

		ApiClient.Response response = webhooks().connectwise(body, "whatever-it-is");

		assertThat(response.status()).isEqualTo(503);
		assertThat((String) response.json().get("message")).contains("could not be fetched", "send it again");
		assertThat(response.body()).doesNotContain("Exception");
		assertThat(this.alerts.findAllBySourceAndExternalId("connectwise", String.valueOf(ticketId))).isEmpty();
	}

	@Test
	void shouldNeverFetchAKeyFromAPlaceThatIsNotConfigured() {
		long ticketId = System.nanoTime() % 1_000_000_000L;
		String path = keyPath();
		ConnectWiseKeyServer.server().stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"signing_key\":\"k\"}")));
		// The same server, under a name that is not the configured one.
		String body = callback("added", ticketId, 21,
				"http://127.0.0.1:" + ConnectWiseKeyServer.server().port() + path + "?companyName=msp&id=3");

		ApiClient.Response response = webhooks().connectwise(body, "k");

		assertThat(response.status()).isEqualTo(401);
		assertThat((String) response.json().get("message")).contains("http://127.0.0.1:", "key-url.hosts");
		ConnectWiseKeyServer.server().verify(0, getRequestedFor(urlPathEqualTo(path)));
		assertThat(this.alerts.findAllBySourceAndExternalId("connectwise", String.valueOf(ticketId))).isEmpty();
	}

	@Test
	void shouldSayWhatTheTicketLacks() {
		ApiClient.Response response = webhooks().connectwise("""
				{"Action":"added","Type":"ticket","ID":5,"Entity":"{\\"id\\":5,\\"board\\":{\\"id\\":21}}"}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("Entity.company.id").doesNotContain("Entity.summary");
	}

	private Webhooks webhooks() {
		return new Webhooks(api());
	}

	/** A key URL of the stand-in's, one per test. */
	private static String keyPath() {
		return "/v2025_1//system/callbackkey/index.rails/" + System.nanoTime();
	}

	static String callback(String action, long ticketId, int boardId) {
		return callback(action, ticketId, boardId,
				"https://api-na.myconnectwise.net/v2025_1//system/callbackkey/index.rails?companyName=msp&id=0d9b5f6e");
	}

	/** A ConnectWise callback: the ticket is a JSON document inside the Entity string. */
	static String callback(String action, long ticketId, int boardId, String keyUrl) {
		String entity = """
				{"id":%d,"summary":"Disk space low on ACME-FS01","board":{"id":%d,"name":"%s"},
				 "company":{"id":250,"identifier":"AcmeCorp","name":"Acme Corp"},"type":{"id":3,"name":"Disk Space"},
				 "priority":{"id":4,"name":"Priority 1 - Emergency"},"severity":"High","status":{"id":1,"name":"New"}}
				""".formatted(ticketId, boardId, (boardId == 21) ? "Alerts" : "Help Desk");
		return """
				{"MessageId":"5d1f0c51-0000-4000-8000-000000000001","FromUrl":"na.myconnectwise.net",
				 "CompanyId":"msp","MemberId":"closeloop","Action":"%s","Type":"ticket","ID":%d,
				 "ProductInstanceId":null,"PartnerId":null,"Entity":%s,
				 "Metadata":{"key_url":"%s"},"CallbackObjectRecId":21}
				""".formatted(action, ticketId, quoted(entity.strip()), keyUrl);
	}

	private static String quoted(String json) {
		return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "") + "\"";
	}

}
