package io.closeloop.workers.connector.halo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.TicketSummary;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.http.HttpSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/** HaloPSA against a stub answering in its documented shapes. */
class HaloPsaTests {

	private static final String CLIENT_ID = "3f6c1a52-closeloop";

	private static final String CLIENT_SECRET = "halo-secret-c0ffee-42";

	private static final String TOKEN = "/auth/token";

	private static final String TICKETS = "/api/Tickets";

	private static final String ACTIONS = "/api/Actions";

	@RegisterExtension
	static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

	private final TicketRef ticket = new TicketRef("halo", "5120");

	private final HaloPsa psa = HaloPsa.create(properties(null, "acme-msp"), new ObjectMapper(), Clock.systemUTC());

	static HaloPsaProperties properties(URI authUrl, String tenant) {
		return new HaloPsaProperties(URI.create(vendor.baseUrl() + "/"), authUrl, tenant, CLIENT_ID,
				new Secret(CLIENT_SECRET), "all", 31, 1, 3, 7, 21, 9, new HaloPsaProperties.Escalation(23, 4, 17),
				Map.of("acme", 12), Map.of("acme", 34), 2, Duration.ofMinutes(5), new HttpSettings(
						Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofMillis(50), Duration.ofSeconds(2)));
	}

	@Test
	void shouldOpenATicketForTheTenantsClientWithTheKeyInItsSummary() {
		token("token-a", 3600);
		vendor.stubFor(get(urlEqualTo(
				TICKETS + "?client_id=12&search_summary=alert-7%3Aopen-ticket&pageinate=true&page_size=2&page_no=1"))
			.withHeader("Authorization", equalTo("Bearer token-a"))
			.willReturn(okJson("{\"page_no\":1,\"page_size\":2,\"record_count\":0,\"tickets\":[]}")));
		vendor.stubFor(post(urlEqualTo(TICKETS)).withHeader("Authorization", equalTo("Bearer token-a"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					[{"summary":"[Closeloop] disk.space.low on ACME-WS-042 (Closeloop ref alert-7:open-ticket)",
					  "details_html":"Alert 7 (warning): C: free space &lt;4%<br>Device: ACME-WS-042 (dev-ACME-WS-042)",
					  "tickettype_id":31,"client_id":12,"site_id":34,"status_id":1,"priority_id":3}]"""))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(ticketJson(5120,
						"[Closeloop] disk.space.low on ACME-WS-042 (Closeloop ref alert-7:" + "open-ticket)", "New"))));

		TicketRef opened = this.psa.openTicket(this.alert, "[Closeloop] disk.space.low on ACME-WS-042",
				"Alert 7 (warning): C: free space <4%\nDevice: ACME-WS-042 (dev-ACME-WS-042)\n", "alert-7:open-ticket");

		assertThat(opened).isEqualTo(new TicketRef("halo", "5120"));
		vendor.verify(1, postRequestedFor(urlEqualTo(TICKETS)));
		// One token for both calls, by the client credentials grant, for the tenant.
		vendor.verify(1,
				postRequestedFor(urlEqualTo(TOKEN + "?tenant=acme-msp"))
					.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
					.withRequestBody(equalTo("grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret="
							+ CLIENT_SECRET + "&scope=all")));
	}

	@Test
	void shouldAnswerTheTicketAnEarlierDeliveryOpenedInsteadOfOpeningASecond() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).withQueryParam("search_summary", equalTo("alert-7:open-ticket"))
			.willReturn(okJson("{\"record_count\":2,\"tickets\":["
					+ ticketJson(5300, "Disk (Closeloop ref alert-7:open-ticket-x)", "New") + ","
					+ ticketJson(5120, "Disk (Closeloop ref alert-7:open-ticket)", "New") + "]}")));

		TicketRef opened = this.psa.openTicket(this.alert, "Disk", "d", "alert-7:open-ticket");

		assertThat(opened.id()).isEqualTo("5120");
		vendor.verify(0, postRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldAddTheDeviceIdToTheDetailsAndReadAnAnswerWrappedInAList() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("{\"record_count\":0,\"tickets\":[]}")));
		vendor.stubFor(post(urlEqualTo(TICKETS))
			.withRequestBody(equalToJson("[{\"details_html\":\"Disk low<br>Device id: dev-ACME-WS-042\"}]", true, true))
			.willReturn(okJson("[" + ticketJson(5121, "s", "New") + "]")));

		assertThat(this.psa.openTicket(this.alert, "Disk", "Disk low", "alert-7:open-ticket").id()).isEqualTo("5121");
	}

	@Test
	void shouldListTheDevicesOpenTicketsPageByPage() {
		token("token-a", 3600);
		String query = TICKETS + "?client_id=12&open_only=true&search=dev-ACME-WS-042&pageinate=true&page_size=2";
		vendor.stubFor(get(urlEqualTo(query + "&page_no=1"))
			.willReturn(okJson("{\"page_no\":1,\"record_count\":3," + "\"tickets\":["
					+ ticketJson(5120, "Disk low", "New") + "," + ticketJson(5101, "Spooler", "In Progress") + "]}")));
		vendor.stubFor(get(urlEqualTo(query + "&page_no=2")).willReturn(okJson(
				"{\"page_no\":2,\"record_count\":3,\"tickets\":[{\"id\":5007,\"summary\":\"CPU high\",\"status_id\":4}]}")));

		List<TicketSummary> tickets = this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042");

		assertThat(tickets).containsExactly(new TicketSummary("5120", "Disk low", "New"),
				new TicketSummary("5101", "Spooler", "In Progress"), new TicketSummary("5007", "CPU high", "status 4"));
		vendor.verify(2, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldStopListingWhenEveryRecordIsRead() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("{\"record_count\":2,\"tickets\":["
				+ ticketJson(1, "a", "New") + "," + ticketJson(2, "b", "New") + "]}")));

		assertThat(this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042")).hasSize(2);
		vendor.verify(1, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldAddAHiddenNoteAsAnActionEndingWithItsKey() {
		token("token-a", 3600);
		vendor.stubFor(get(urlEqualTo(ACTIONS + "?ticket_id=5120"))
			.willReturn(okJson("{\"record_count\":1,\"actions\":[" + actionJson(1, "Ticket logged") + "]}")));
		vendor.stubFor(post(urlEqualTo(ACTIONS)).withHeader("Authorization", equalTo("Bearer token-a"))
			.withRequestBody(equalToJson(
					"""
							[{"ticket_id":5120,"outcome_id":7,
							  "note":"Escalated to a technician: fix did not verify\\n\\n(Closeloop ref alert-7:escalation-note)",
							  "hiddenfromuser":true,"sendemail":false}]"""))
			.willReturn(okJson(actionJson(2, "x"))));

		this.psa.addNote(this.ticket, "Escalated to a technician: fix did not verify", true, "alert-7:escalation-note");

		vendor.verify(1, postRequestedFor(urlEqualTo(ACTIONS)));
	}

	@Test
	void shouldAddACustomerVisibleNote() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(okJson("{\"record_count\":0,\"actions\":[]}")));
		vendor.stubFor(post(urlEqualTo(ACTIONS))
			.withRequestBody(equalToJson("[{\"outcome_id\":7,\"hiddenfromuser\":false}]", true, true))
			.willReturn(okJson(actionJson(2, "x"))));

		this.psa.addNote(this.ticket, "Resolved by Closeloop.", false, "alert-7:resolution-note");

		vendor.verify(1, postRequestedFor(urlEqualTo(ACTIONS)));
	}

	@Test
	void shouldNotAddANoteAnEarlierDeliveryAlreadyWrote() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(okJson(
				"{\"record_count\":2,\"actions\":[" + actionJson(1, "Done\\n\\n(Closeloop ref alert-4:resolution-note)")
						+ "," + actionJson(2, "Done\\n\\n(Closeloop ref alert-42:resolution-note)") + "]}")));

		this.psa.addNote(this.ticket, "Done", false, "alert-42:resolution-note");

		vendor.verify(0, postRequestedFor(urlEqualTo(ACTIONS)));
	}

	@Test
	void shouldCloseWithOneVisibleActionThatSetsTheClosedStatus() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(okJson("{\"record_count\":0,\"actions\":[]}")));
		vendor.stubFor(post(urlEqualTo(ACTIONS)).withRequestBody(equalToJson("""
				[{"ticket_id":5120,"outcome_id":21,
				  "note":"Resolved automatically by Closeloop\\n\\n(Closeloop ref alert-7:close-ticket)",
				  "hiddenfromuser":false,"sendemail":false,"new_status":9}]"""))
			.willReturn(okJson(actionJson(3, "x"))));

		this.psa.closeTicket(this.ticket, "Resolved automatically by Closeloop", "alert-7:close-ticket");

		vendor.verify(1, postRequestedFor(urlEqualTo(ACTIONS)));
	}

	@Test
	void shouldEscalateByUpdatingTheTicketsStatusTeamAndAgent() {
		token("token-a", 3600);
		vendor.stubFor(post(urlEqualTo(TICKETS))
			.withRequestBody(equalToJson("[{\"id\":5120,\"status_id\":23,\"team_id\":4,\"agent_id\":17}]"))
			.willReturn(okJson(ticketJson(5120, "s", "Escalated"))));

		this.psa.escalateTicket(this.ticket, "fix did not verify", "alert-7:escalate-ticket");

		vendor.verify(1, postRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldRetryAnEscalationAfterA5xxBecauseItChangesNothingTwice() {
		token("token-a", 3600);
		vendor.stubFor(post(urlEqualTo(TICKETS)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("up"));
		vendor.stubFor(post(urlEqualTo(TICKETS)).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson(ticketJson(5120, "s", "Escalated"))));

		this.psa.escalateTicket(this.ticket, "reason", "alert-7:escalate-ticket");

		vendor.verify(2, postRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldFetchANewTokenOnceWhenTheApiRejectsTheCachedOne() {
		vendor.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(tokenBody("token-old", 3600)))
			.willSetStateTo("renewed"));
		vendor.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("tokens")
			.whenScenarioStateIs("renewed")
			.willReturn(okJson(tokenBody("token-new", 3600))));
		vendor.stubFor(get(urlPathEqualTo(ACTIONS)).withHeader("Authorization", equalTo("Bearer token-old"))
			.willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}")));
		vendor.stubFor(get(urlPathEqualTo(ACTIONS)).withHeader("Authorization", equalTo("Bearer token-new"))
			.willReturn(okJson("{\"record_count\":0,\"actions\":[]}")));
		vendor.stubFor(post(urlEqualTo(ACTIONS)).withHeader("Authorization", equalTo("Bearer token-new"))
			.willReturn(okJson(actionJson(1, "x"))));

		this.psa.addNote(this.ticket, "n", true, "alert-7:note-alert");

		vendor.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
		vendor.verify(2, getRequestedFor(urlPathEqualTo(ACTIONS)));
		vendor.verify(1, postRequestedFor(urlEqualTo(ACTIONS)));
	}

	@Test
	void shouldRefreshATokenAboutToExpireBeforeUsingIt() {
		// Expires in 60 s, inside the 5 minutes before expiry when it is replaced.
		token("token-short", 60);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("{\"record_count\":0,\"tickets\":[]}")));

		this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042");
		this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042");

		vendor.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
	}

	@Test
	void shouldFetchTheTokenFromAConfiguredAuthorisationServerWithoutATenant() {
		HaloPsa selfHosted = HaloPsa.create(properties(URI.create(vendor.baseUrl() + "/sso/"), " "), new ObjectMapper(),
				Clock.systemUTC());
		vendor.stubFor(post(urlEqualTo("/sso/token")).willReturn(okJson(tokenBody("token-sso", 3600))));
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).withHeader("Authorization", equalTo("Bearer token-sso"))
			.willReturn(okJson("{\"record_count\":0,\"tickets\":[]}")));

		assertThat(selfHosted.openTicketsForDevice("acme", "dev-ACME-WS-042")).isEmpty();
		vendor.verify(1, postRequestedFor(urlEqualTo("/sso/token")));
	}

	@Test
	void shouldWaitAsLongAsRetryAfterAsksOnA429() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("allowed"));
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("limited")
			.whenScenarioStateIs("allowed")
			.willReturn(okJson("{\"record_count\":1,\"tickets\":[" + ticketJson(5120, "s", "New") + "]}")));

		long started = System.nanoTime();
		List<TicketSummary> tickets = this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(tickets).hasSize(1);
		vendor.verify(2, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldRetryA5xxOnAReadUntilItSucceeds() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"record_count\":1,\"tickets\":[" + ticketJson(5120, "s", "New") + "]}")));

		assertThat(this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042")).hasSize(1);
		vendor.verify(2, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldNotCreateATicketAgainAfterA5xx() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("{\"record_count\":0,\"tickets\":[]}")));
		vendor.stubFor(post(urlEqualTo(TICKETS)).willReturn(aResponse().withStatus(500).withBody("Server Error")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicket(this.alert, "s", "d", "alert-7:open-ticket"))
			.withMessageContaining("HaloPSA open-ticket failed after 1 attempt(s)")
			.withMessageContaining("HTTP 500");
		vendor.verify(1, postRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldNotCreateATicketOrAnActionAgainWhenTheAnswerTimedOut() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("{\"record_count\":0,\"tickets\":[]}")));
		vendor.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(okJson("{\"record_count\":0,\"actions\":[]}")));
		vendor.stubFor(post(urlEqualTo(TICKETS)).willReturn(okJson(ticketJson(1, "s", "New")).withFixedDelay(1500)));
		vendor.stubFor(post(urlEqualTo(ACTIONS)).willReturn(okJson(actionJson(1, "x")).withFixedDelay(1500)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicket(this.alert, "s", "d", "alert-7:open-ticket"))
			.withMessageContaining("failed after 1 attempt(s)")
			.withMessageContaining("no answer within PT1S");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.closeTicket(this.ticket, "r", "alert-7:close-ticket"))
			.withMessageContaining("HaloPSA close-ticket failed after 1 attempt(s)");
		vendor.verify(1, postRequestedFor(urlEqualTo(TICKETS)));
		vendor.verify(1, postRequestedFor(urlEqualTo(ACTIONS)));
	}

	@Test
	void shouldFailWithAConnectorExceptionAfterEveryAttemptOfAReadTimedOut() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS))
			.willReturn(okJson("{\"record_count\":0,\"tickets\":[]}").withFixedDelay(1500)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"))
			.withMessageContaining("HaloPSA open-tickets failed after 3 attempt(s)");
		vendor.verify(3, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldReportAMalformedOrMisshapenAnswerAsAConnectorException() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("{\"record_count\": 1, \"tickets\": [")));
		vendor.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(okJson("[]")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"))
			.withMessageContaining("malformed JSON");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.addNote(this.ticket, "n", true, "k"))
			.withMessageContaining("answered without a 'actions' list");
	}

	@Test
	void shouldRejectAnActionWithoutRetrying() {
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(okJson("{\"record_count\":0,\"actions\":[]}")));
		vendor.stubFor(post(urlEqualTo(ACTIONS))
			.willReturn(aResponse().withStatus(400).withBody("\"An Outcome must be entered for this Action\"")));

		assertThatExceptionOfType(VendorRejectedException.class)
			.isThrownBy(() -> this.psa.addNote(this.ticket, "n", true, "alert-7:note-alert"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400))
			.withMessageContaining("HaloPSA rejected add-note with HTTP 400")
			.withMessageContaining("An Outcome must be entered");
		vendor.verify(1, postRequestedFor(urlEqualTo(ACTIONS)));
	}

	@Test
	void shouldNeverPutTheClientSecretInAnExceptionMessage() {
		vendor.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(401)
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + CLIENT_SECRET + "\"}")));

		Throwable rejected = catchThrowable(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"));
		vendor.resetAll();
		token("token-a", 3600);
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(aResponse().withStatus(502).withBody(CLIENT_SECRET)));
		Throwable outage = catchThrowable(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"));

		assertThat(rejected).isInstanceOf(VendorRejectedException.class)
			.hasMessageContaining("HaloPSA rejected token with HTTP 401")
			.hasMessageContaining("****");
		assertThat(outage).isInstanceOf(ConnectorException.class).hasMessageContaining("****");
		assertThat(rejected.getMessage() + outage.getMessage()).doesNotContain(CLIENT_SECRET);
	}

	@Test
	void shouldNameTheMissingKeyForATenantWithoutAClient() {
		AlertContext stranger = new AlertContext(8, "initech", "disk.space.low", "warning", "m", null, Map.of());

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.psa.openTicket(stranger, "s", "d", "alert-8:open-ticket"))
			.withMessageContaining("closeloop.psa.halo.clients.initech");
		vendor.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void shouldMaskTheClientSecretInItsConfiguration() {
		assertThat(properties(null, null).toString()).contains("clientSecret=****").doesNotContain(CLIENT_SECRET);
	}

	private static void token(String value, long expiresIn) {
		vendor.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(tokenBody(value, expiresIn))));
	}

	private static String tokenBody(String value, long expiresIn) {
		return "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
				+ ",\"scope\":\"all\",\"id_token\":\"i\"}";
	}

	private static String ticketJson(int id, String summary, String status) {
		return """
				{"id":%d,"summary":"%s","details":"Alert details","tickettype_id":31,"client_id":12,
				 "client_name":"Acme","site_id":34,"status_id":1,"status":"%s","priority_id":3,
				 "dateoccurred":"2024-11-21T09:06:40Z"}""".formatted(id, summary, status);
	}

	private static String actionJson(int id, String note) {
		return "{\"id\":" + id + ",\"ticket_id\":5120,\"who\":\"Closeloop API\",\"outcome\":\"Private Note\","
				+ "\"outcome_id\":7,\"note\":\"" + note + "\",\"hiddenfromuser\":true,"
				+ "\"datetimestamp\":\"2024-11-21T09:06:40Z\"}";
	}

}
