package io.closeloop.workers.connector.connectwise;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.DeviceRef;
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
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/** ConnectWise PSA against a stub answering in its documented shapes. */
class ConnectWisePsaTests {

	private static final String PUBLIC_KEY = "cwPub4711";

	private static final String PRIVATE_KEY = "cwPriv-s3cret-99";

	private static final String CLIENT_ID = "0c8f3e5e-7d41-4d2b-9c3e-5b1f0a7e9d21";

	/** base64("closeloopmsp+cwPub4711:cwPriv-s3cret-99"), worked out by hand. */
	private static final String BASIC = "Basic Y2xvc2Vsb29wbXNwK2N3UHViNDcxMTpjd1ByaXYtczNjcmV0LTk5";

	private static final String ROOT = "/v4_6_release/apis/3.0";

	private static final String TICKETS = ROOT + "/service/tickets";

	private static final String TICKET = TICKETS + "/5120";

	private static final String NOTES = TICKET + "/notes";

	private static final String OWN_REFERENCE = "closeloop/dev-ACME-WS-042/alert-7:open-ticket";

	@RegisterExtension
	static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

	private final TicketRef ticket = new TicketRef("connectwise", "5120");

	private final ConnectWisePsa psa = ConnectWisePsa.create(properties(2), new ObjectMapper(), Clock.systemUTC());

	static ConnectWisePsaProperties properties(int pageSize) {
		return new ConnectWisePsaProperties(URI.create(vendor.baseUrl() + ROOT + "/"), "closeloopmsp",
				new Secret(PUBLIC_KEY), new Secret(PRIVATE_KEY), new Secret(CLIENT_ID), 1, 16, 8, 31,
				new ConnectWisePsaProperties.Escalation(42, 5, "jdoe"), Map.of("acme", "250", "globex", "GlobexInc"),
				pageSize, new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofMillis(50),
						Duration.ofSeconds(2)));
	}

	@Test
	void shouldOpenATicketOnTheBoardForTheTenantsCompanyWithTheKeyAsExternalReference() {
		vendor.stubFor(get(urlPathEqualTo(TICKETS))
			.withQueryParam("conditions", equalTo("company/id=250 AND externalXRef=\"" + OWN_REFERENCE + "\""))
			.withQueryParam("fields", equalTo("id"))
			.willReturn(okJson("[]")));
		vendor.stubFor(post(urlPathEqualTo(TICKETS)).withHeader("Authorization", equalTo(BASIC))
			.withHeader("clientId", equalTo(CLIENT_ID))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"summary":"[Closeloop] disk.space.low on ACME-WS-042",
					 "initialDescription":"Alert 7 (warning): C: free space 4%",
					 "board":{"id":1},"company":{"id":250},"status":{"id":16},"priority":{"id":8},
					 "externalXRef":"closeloop/dev-ACME-WS-042/alert-7:open-ticket"}"""))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(ticketJson(5120, "[Closeloop] disk.space.low on ACME-WS-042", "New", OWN_REFERENCE))));

		TicketRef opened = this.psa.openTicket(this.alert, "[Closeloop] disk.space.low on ACME-WS-042",
				"Alert 7 (warning): C: free space 4%", "alert-7:open-ticket");

		assertThat(opened).isEqualTo(new TicketRef("connectwise", "5120"));
		vendor.verify(1, postRequestedFor(urlPathEqualTo(TICKETS)));
		vendor.verify(getRequestedFor(urlPathEqualTo(TICKETS)).withHeader("Authorization", equalTo(BASIC))
			.withHeader("clientId", equalTo(CLIENT_ID)));
	}

	@Test
	void shouldAnswerTheTicketAnEarlierDeliveryOpenedInsteadOfOpeningASecond() {
		vendor.stubFor(get(urlPathEqualTo(TICKETS))
			.withQueryParam("conditions", equalTo("company/id=250 AND externalXRef=\"" + OWN_REFERENCE + "\""))
			.willReturn(okJson("[{\"id\":5120,\"_info\":{}}]")));

		TicketRef opened = this.psa.openTicket(this.alert, "summary", "description", "alert-7:open-ticket");

		assertThat(opened.id()).isEqualTo("5120");
		vendor.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void shouldNameTheCompanyByIdentifierAndKeepTheSummaryWithinConnectWisesLimit() throws Exception {
		AlertContext globex = new AlertContext(9, "globex", "disk.space.low", "warning", "C: free space 4%",
				new DeviceRef("agent/with spaces", "GX-1", "Windows 11", "server"), Map.of());
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("[]")));
		vendor.stubFor(post(urlPathEqualTo(TICKETS)).willReturn(okJson(ticketJson(77, "s", "New", "r"))));

		this.psa.openTicket(globex, "x".repeat(150), "description", "alert-9:open-ticket");

		String condition = vendor.findAll(getRequestedFor(urlPathEqualTo(TICKETS)))
			.get(0)
			.queryParameter("conditions")
			.firstValue();
		JsonNode body = new ObjectMapper()
			.readTree(vendor.findAll(postRequestedFor(urlPathEqualTo(TICKETS))).get(0).getBodyAsString());
		// A device id a condition would need escaped is replaced by a digest of itself.
		assertThat(condition).matches("company/identifier=\"GlobexInc\" AND externalXRef=\"closeloop/h-[0-9a-f]{16}"
				+ "/alert-9:open-ticket\"");
		assertThat(body.path("company").toString()).isEqualTo("{\"identifier\":\"GlobexInc\"}");
		assertThat(body.path("summary").asText()).hasSize(100).endsWith("x…");
		assertThat(body.path("externalXRef").asText()).hasSizeLessThanOrEqualTo(100);
	}

	@Test
	void shouldListTheDevicesOpenTicketsPageByPage() {
		String conditions = "company/id=250 AND closedFlag=false AND externalXRef like \"closeloop/dev-ACME-WS-042/%\"";
		stubPage(conditions, 1,
				"[" + ticketJson(5120, "[Closeloop] disk.space.low on ACME-WS-042", "New", OWN_REFERENCE) + ","
						+ ticketJson(5101, "[Closeloop] service.stopped on ACME-WS-042", "In Progress",
								"closeloop/dev-ACME-WS-042/alert-3:open-ticket")
						+ "]");
		stubPage(conditions, 2, "[" + ticketJson(5007, "[Closeloop] cpu.high on ACME-WS-042", "Escalated",
				"closeloop/dev-ACME-WS-042/alert-1:open-ticket") + "]");

		List<TicketSummary> tickets = this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042");

		assertThat(tickets).containsExactly(
				new TicketSummary("5120", "[Closeloop] disk.space.low on ACME-WS-042", "New"),
				new TicketSummary("5101", "[Closeloop] service.stopped on ACME-WS-042", "In Progress"),
				new TicketSummary("5007", "[Closeloop] cpu.high on ACME-WS-042", "Escalated"));
		vendor.verify(2, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldKeepOnlyTheDevicesOwnReferencesWhenLikeMatchedMore() {
		// "like" reads _ as any character, so dev_1 also matches devX1's tickets.
		vendor.stubFor(get(urlPathEqualTo(TICKETS))
			.willReturn(okJson("[" + ticketJson(1, "mine", "New", "closeloop/dev_1/alert-1:open-ticket") + ","
					+ ticketJson(2, "not mine", "New", "closeloop/devX1/alert-2:open-ticket") + "]")));
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).withQueryParam("page", equalTo("2")).willReturn(okJson("[]")));

		assertThat(this.psa.openTicketsForDevice("acme", "dev_1")).extracting(TicketSummary::id).containsExactly("1");
	}

	@Test
	void shouldFindNoTicketsForAnAlertWithoutADevice() {
		assertThat(this.psa.openTicketsForDevice("acme", null)).isEmpty();
		vendor.verify(0, getRequestedFor(anyUrl()));
	}

	@Test
	void shouldAddAnInternalNoteEndingWithItsKey() {
		vendor.stubFor(get(urlPathEqualTo(NOTES)).withQueryParam("fields", equalTo("id,text"))
			.withQueryParam("orderBy", equalTo("id desc"))
			.withQueryParam("pageSize", equalTo("2"))
			.withQueryParam("page", equalTo("1"))
			.willReturn(okJson("[]")));
		vendor.stubFor(post(urlPathEqualTo(NOTES)).withHeader("Authorization", equalTo(BASIC))
			.withRequestBody(equalToJson(
					"""
							{"text":"Escalated to a technician: fix did not verify\\n\\n(Closeloop ref alert-7:escalation-note)",
							 "detailDescriptionFlag":false,"internalAnalysisFlag":true,"resolutionFlag":false}"""))
			.willReturn(okJson(noteJson(901, "x"))));

		this.psa.addNote(this.ticket, "Escalated to a technician: fix did not verify", true, "alert-7:escalation-note");

		vendor.verify(1, postRequestedFor(urlPathEqualTo(NOTES)));
	}

	@Test
	void shouldAddACustomerVisibleNoteAsDiscussion() {
		vendor.stubFor(get(urlPathEqualTo(NOTES)).willReturn(okJson("[" + noteJson(3, "Ticket opened") + "]")));
		vendor.stubFor(post(urlPathEqualTo(NOTES)).withRequestBody(equalToJson("""
				{"text":"Resolved by Closeloop.\\n\\n(Closeloop ref alert-7:resolution-note)",
				 "detailDescriptionFlag":true,"internalAnalysisFlag":false,"resolutionFlag":false}"""))
			.willReturn(okJson(noteJson(902, "x"))));

		this.psa.addNote(this.ticket, "Resolved by Closeloop.\n", false, "alert-7:resolution-note");

		vendor.verify(1, postRequestedFor(urlPathEqualTo(NOTES)));
	}

	@Test
	void shouldNotAddANoteAnEarlierDeliveryAlreadyWrote() {
		// The key of alert 4 must not pass for alert 42's.
		vendor.stubFor(get(urlPathEqualTo(NOTES))
			.willReturn(okJson("[" + noteJson(5, "Done\n\n(Closeloop ref alert-4" + ":resolution-note)") + ","
					+ noteJson(6, "Done\n\n(Closeloop ref alert-42:resolution-note)") + "]")));
		vendor.stubFor(get(urlPathEqualTo(NOTES)).withQueryParam("page", equalTo("2")).willReturn(okJson("[]")));

		this.psa.addNote(this.ticket, "Done", false, "alert-42:resolution-note");

		vendor.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void shouldCloseWithAResolutionNoteAndTheClosedStatus() {
		vendor.stubFor(get(urlPathEqualTo(NOTES)).willReturn(okJson("[]")));
		vendor.stubFor(post(urlPathEqualTo(NOTES)).withRequestBody(equalToJson("""
				{"text":"Resolved automatically by Closeloop\\n\\n(Closeloop ref alert-7:close-ticket)",
				 "detailDescriptionFlag":false,"internalAnalysisFlag":false,"resolutionFlag":true}"""))
			.willReturn(okJson(noteJson(903, "x"))));
		vendor.stubFor(patch(urlPathEqualTo(TICKET)).withHeader("Authorization", equalTo(BASIC))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("[{\"op\":\"replace\",\"path\":\"status\",\"value\":{\"id\":31}}]"))
			.willReturn(okJson(ticketJson(5120, "s", "Closed", OWN_REFERENCE))));

		this.psa.closeTicket(this.ticket, "Resolved automatically by Closeloop", "alert-7:close-ticket");

		vendor.verify(1, postRequestedFor(urlPathEqualTo(NOTES)));
		vendor.verify(1, patchRequestedFor(urlPathEqualTo(TICKET)));
	}

	@Test
	void shouldEscalateToTheEscalationBoardStatusAndOwner() {
		vendor.stubFor(patch(urlPathEqualTo(TICKET)).withRequestBody(equalToJson("""
				[{"op":"replace","path":"board","value":{"id":5}},
				 {"op":"replace","path":"status","value":{"id":42}},
				 {"op":"replace","path":"owner","value":{"identifier":"jdoe"}}]"""))
			.willReturn(okJson(ticketJson(5120, "s", "Escalated", OWN_REFERENCE))));

		this.psa.escalateTicket(this.ticket, "fix did not verify", "alert-7:escalate-ticket");

		vendor.verify(1, patchRequestedFor(urlPathEqualTo(TICKET)));
	}

	@Test
	void shouldRetryAStatusChangeAfterA5xxBecauseItChangesNothingTwice() {
		vendor.stubFor(patch(urlPathEqualTo(TICKET)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("up"));
		vendor.stubFor(patch(urlPathEqualTo(TICKET)).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson(ticketJson(5120, "s", "Escalated", OWN_REFERENCE))));

		this.psa.escalateTicket(this.ticket, "reason", "alert-7:escalate-ticket");

		vendor.verify(2, patchRequestedFor(urlPathEqualTo(TICKET)));
	}

	@Test
	void shouldWaitAsLongAsRetryAfterAsksOnA429() {
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("allowed"));
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("limited")
			.whenScenarioStateIs("allowed")
			.willReturn(okJson("[" + ticketJson(5120, "s", "New", OWN_REFERENCE) + "]")));

		long started = System.nanoTime();
		List<TicketSummary> tickets = this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(tickets).hasSize(1);
		vendor.verify(2, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldRetryA5xxOnAReadUntilItSucceeds() {
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("Service Unavailable"))
			.willSetStateTo("up"));
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson("[" + ticketJson(5120, "s", "New", OWN_REFERENCE) + "]")));

		assertThat(this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042")).hasSize(1);
		vendor.verify(2, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldNotCreateATicketAgainAfterA5xx() {
		// ConnectWise may have created it before failing: the job's retry looks it up.
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("[]")));
		vendor.stubFor(post(urlPathEqualTo(TICKETS)).willReturn(aResponse().withStatus(500)
			.withBody("{\"code\":\"UnexpectedError\",\"message\":\"An unexpected error has occurred\"}")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicket(this.alert, "s", "d", "alert-7:open-ticket"))
			.withMessageContaining("ConnectWise PSA open-ticket failed after 1 attempt(s)")
			.withMessageContaining("HTTP 500");
		vendor.verify(1, postRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldNotCreateATicketOrANoteAgainWhenTheAnswerTimedOut() {
		vendor.stubFor(get(anyUrl()).willReturn(okJson("[]")));
		vendor.stubFor(post(urlPathEqualTo(TICKETS))
			.willReturn(okJson(ticketJson(5120, "s", "New", OWN_REFERENCE)).withFixedDelay(1500)));
		vendor.stubFor(post(urlPathEqualTo(NOTES)).willReturn(okJson(noteJson(1, "x")).withFixedDelay(1500)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicket(this.alert, "s", "d", "alert-7:open-ticket"))
			.withMessageContaining("failed after 1 attempt(s)")
			.withMessageContaining("no answer within PT1S");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.addNote(this.ticket, "n", true, "alert-7:note-alert"))
			.withMessageContaining("failed after 1 attempt(s)");
		vendor.verify(1, postRequestedFor(urlPathEqualTo(TICKETS)));
		vendor.verify(1, postRequestedFor(urlPathEqualTo(NOTES)));
	}

	@Test
	void shouldFailWithAConnectorExceptionAfterEveryAttemptOfAReadTimedOut() {
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("[]").withFixedDelay(1500)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"))
			.withMessageContaining("ConnectWise PSA open-tickets failed after 3 attempt(s)");
		vendor.verify(3, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldReportAMalformedOrMisshapenAnswerAsAConnectorException() {
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("[{\"id\": 5120, ")));
		vendor.stubFor(get(urlPathEqualTo(NOTES)).willReturn(okJson("{\"code\":\"NotFound\"}")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"))
			.withMessageContaining("malformed JSON");
		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.addNote(this.ticket, "n", true, "k"))
			.withMessageContaining("answered with OBJECT, not a list");
	}

	@Test
	void shouldRejectAnInvalidTicketWithoutRetrying() {
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("[]")));
		vendor.stubFor(post(urlPathEqualTo(TICKETS)).willReturn(aResponse().withStatus(400).withBody("""
				{"code":"InvalidObject","message":"ticket object is invalid","errors":[{"code":"InvalidField",
				 "message":"The board field is required.","resource":"ticket","field":"board"}]}""")));

		assertThatExceptionOfType(VendorRejectedException.class)
			.isThrownBy(() -> this.psa.openTicket(this.alert, "s", "d", "alert-7:open-ticket"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400))
			.withMessageContaining("ConnectWise PSA rejected open-ticket with HTTP 400")
			.withMessageContaining("The board field is required.");
		vendor.verify(1, postRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldNeverPutTheKeysInAnExceptionMessage() {
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(aResponse().withStatus(401)
			.withBody("{\"message\":\"Bad credentials " + BASIC + " for " + PUBLIC_KEY + ":" + PRIVATE_KEY + "\"}")));
		vendor.stubFor(patch(urlPathEqualTo(TICKET))
			.willReturn(aResponse().withStatus(500).withBody("clientId=" + CLIENT_ID)));

		Throwable rejected = catchThrowable(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"));
		Throwable outage = catchThrowable(() -> this.psa.escalateTicket(this.ticket, "r", "k"));

		assertThat(rejected).isInstanceOf(VendorRejectedException.class).hasMessageContaining("****");
		assertThat(outage).isInstanceOf(ConnectorException.class).hasMessageContaining("****");
		assertThat(rejected.getMessage() + outage.getMessage()).doesNotContain(PRIVATE_KEY)
			.doesNotContain(PUBLIC_KEY)
			.doesNotContain(CLIENT_ID)
			.doesNotContain(BASIC.substring(6));
		vendor.verify(1, getRequestedFor(urlPathEqualTo(TICKETS)));
	}

	@Test
	void shouldNameTheMissingKeyForATenantWithoutACompany() {
		AlertContext stranger = new AlertContext(8, "initech", "disk.space.low", "warning", "m", null, Map.of());

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.psa.openTicket(stranger, "s", "d", "alert-8:open-ticket"))
			.withMessageContaining("closeloop.psa.connectwise.companies.initech");
		vendor.verify(0, getRequestedFor(anyUrl()));
	}

	@Test
	void shouldMaskTheKeysInItsConfiguration() {
		assertThat(properties(100).toString()).contains("privateKey=****", "publicKey=****", "clientId=****")
			.doesNotContain(PRIVATE_KEY)
			.doesNotContain(PUBLIC_KEY)
			.doesNotContain(CLIENT_ID);
	}

	private static void stubPage(String conditions, int page, String body) {
		vendor.stubFor(get(urlPathEqualTo(TICKETS)).withQueryParam("conditions", equalTo(conditions))
			.withQueryParam("fields", equalTo("id,summary,status,externalXRef"))
			.withQueryParam("orderBy", equalTo("id desc"))
			.withQueryParam("pageSize", equalTo("2"))
			.withQueryParam("page", equalTo(String.valueOf(page)))
			.willReturn(okJson(body)));
	}

	private static String ticketJson(int id, String summary, String status, String reference) {
		return """
				{"id":%d,"summary":"%s","board":{"id":1,"name":"Help Desk"},
				 "status":{"id":16,"name":"%s","_info":{"status_href":"https://example/statuses/16"}},
				 "company":{"id":250,"identifier":"Acme","name":"Acme Corp"},"externalXRef":"%s",
				 "closedFlag":false,"_info":{"lastUpdated":"2024-11-21T09:06:40Z"}}""".formatted(id, summary, status,
				reference);
	}

	private static String noteJson(int id, String text) {
		return "{\"id\":" + id + ",\"ticketId\":5120,\"text\":\"" + text.replace("\n", "\\n")
				+ "\",\"detailDescriptionFlag\":true,\"internalAnalysisFlag\":false,\"resolutionFlag\":false,"
				+ "\"member\":{\"id\":1,\"identifier\":\"api\"},\"dateCreated\":\"2024-11-21T09:06:40Z\"}";
	}

}
