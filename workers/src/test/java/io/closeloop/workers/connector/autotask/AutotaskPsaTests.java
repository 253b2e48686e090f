package io.closeloop.workers.connector.autotask;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Autotask PSA against a stub answering in its documented shapes. */
class AutotaskPsaTests {

	private static final String SECRET = "at-secret-Q7v2xK9w";

	private static final String CODE = "ZC4QK2NGWVT5LXBFAE7H3YDJRMS";

	private static final String USER = "closeloop@acme-msp.example";

	private static final String API = "/atservicesrest/v1.0";

	private static final String TICKETS = API + "/Tickets";

	private static final String TICKET_QUERY = TICKETS + "/query";

	private static final String DEVICE_QUERY = API + "/ConfigurationItems/query";

	private static final String NOTE_QUERY = API + "/TicketNotes/query";

	private static final String NOTES = TICKETS + "/9001/Notes";

	private static final String FIND_TICKET = """
			{"filter":[{"op":"eq","field":"externalID","value":"alert-7:open-ticket"}]}""";

	private static final String FIND_DEVICE = """
			{"filter":[{"op":"eq","field":"companyID","value":175},
			           {"op":"eq","field":"rmmDeviceUID","value":"dev-ACME-WS-042"},
			           {"op":"eq","field":"isActive","value":true}]}""";

	private static final TicketRef TICKET = new TicketRef("autotask", "9001");

	/** Half past a quarter: the due time sent is cut to whole seconds. */
	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T10:15:30.750Z"), ZoneOffset.UTC);

	@RegisterExtension
	static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

	private final AutotaskPsa psa = psa(5);

	@Test
	void shouldOpenATicketOnTheDevicesConfigurationItemWithTheKeyAsExternalId() {
		stubQuery(TICKET_QUERY, FIND_TICKET, items());
		stubQuery(DEVICE_QUERY, FIND_DEVICE, items(configurationItem()));
		vendor.stubFor(post(urlEqualTo(TICKETS)).withHeader("ApiIntegrationCode", equalTo(CODE))
			.withHeader("UserName", equalTo(USER))
			.withHeader("Secret", equalTo(SECRET))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"companyID":175,"configurationItemID":321,"queueID":29682833,"status":1,"priority":3,
					 "dueDateTime":"2026-11-22T10:15:30Z",
					 "source":8,"ticketType":5,"title":"[Closeloop] disk.space.low on ACME-WS-042",
					 "description":"Alert 7 (warning): C: free space 4%","externalID":"alert-7:open-ticket"}"""))
			.willReturn(okJson("{\"itemId\":9001}")));

		TicketRef ticket = this.psa.openTicket(this.alert, "[Closeloop] disk.space.low on ACME-WS-042",
				"Alert 7 (warning): C: free space 4%", "alert-7:open-ticket");

		assertThat(ticket).isEqualTo(TICKET);
		vendor.verify(1, postRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldOpenATicketWithoutConfigurationItemWhenAutotaskDoesNotKnowTheDevice() {
		stubQuery(TICKET_QUERY, FIND_TICKET, items());
		stubQuery(DEVICE_QUERY, FIND_DEVICE, items());
		vendor.stubFor(post(urlEqualTo(TICKETS)).withRequestBody(equalToJson("""
				{"companyID":175,"queueID":29682833,"status":1,"priority":3,"dueDateTime":"2026-11-22T10:15:30Z",
				 "source":8,"ticketType":5,"title":"t","description":"d","externalID":"alert-7:open-ticket"}"""))
			.willReturn(okJson("{\"itemId\":9002}")));

		assertThat(this.psa.openTicket(this.alert, "t", "d", "alert-7:open-ticket").id()).isEqualTo("9002");
	}

	@Test
	void shouldMakeATicketDueSoonerForAMoreSevereAlert() {
		stubQuery(TICKET_QUERY, FIND_TICKET, items());
		stubQuery(DEVICE_QUERY, FIND_DEVICE, items());
		vendor.stubFor(post(urlEqualTo(TICKETS))
			.withRequestBody(equalToJson("{\"dueDateTime\":\"2026-11-21T14:15:30Z\",\"priority\":2}", true, true))
			.willReturn(okJson("{\"itemId\":9003}")));
		AlertContext critical = new AlertContext(7, "acme", "disk.space.low", "critical", "C: free space 0%",
				new DeviceRef("dev-ACME-WS-042", "ACME-WS-042", "Windows 11", "workstation"), Map.of());

		assertThat(this.psa.openTicket(critical, "t", "d", "alert-7:open-ticket").id()).isEqualTo("9003");
	}

	@Test
	void shouldFindTheTicketARedeliveredJobAlreadyOpened() {
		stubQuery(TICKET_QUERY, FIND_TICKET, items(ticket(9001, "earlier", 1)));

		assertThat(this.psa.openTicket(this.alert, "t", "d", "alert-7:open-ticket")).isEqualTo(TICKET);
		vendor.verify(0, postRequestedFor(urlEqualTo(TICKETS)));
		vendor.verify(0, postRequestedFor(urlEqualTo(DEVICE_QUERY)));
	}

	@Test
	void shouldFindTheTicketAnAmbiguousCreateMadeWhenTheJobIsRetried() {
		// Autotask made the ticket and then answered 500: the job fails, and its retry
		// finds the ticket by its external id instead of opening a second.
		vendor.stubFor(query(TICKET_QUERY, FIND_TICKET).inScenario("ambiguous")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(items())));
		stubQuery(DEVICE_QUERY, FIND_DEVICE, items());
		vendor.stubFor(post(urlEqualTo(TICKETS)).inScenario("ambiguous")
			.willReturn(aResponse().withStatus(500).withBody("{\"errors\":[\"Timeout expired\"]}"))
			.willSetStateTo("created"));
		vendor.stubFor(query(TICKET_QUERY, FIND_TICKET).inScenario("ambiguous")
			.whenScenarioStateIs("created")
			.willReturn(okJson(items(ticket(9001, "t", 1)))));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicket(this.alert, "t", "d", "alert-7:open-ticket"))
			.withMessageContaining("Autotask open-ticket failed after 1 attempt(s)");
		TicketRef retried = this.psa.openTicket(this.alert, "t", "d", "alert-7:open-ticket");

		assertThat(retried).isEqualTo(TICKET);
		vendor.verify(1, postRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldListTheOpenTicketsOfTheDevicesConfigurationItem() {
		stubQuery(DEVICE_QUERY, FIND_DEVICE, items(configurationItem()));
		stubQuery(TICKET_QUERY, """
				{"filter":[{"op":"eq","field":"configurationItemID","value":321},
				           {"op":"noteq","field":"status","value":5}]}""",
				items(ticket(8800, "Printer offline", 1), ticket(8801, "Slow logon", 8)));

		List<TicketSummary> tickets = this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042");

		assertThat(tickets).containsExactly(new TicketSummary("8800", "Printer offline", "1"),
				new TicketSummary("8801", "Slow logon", "8"));
	}

	@Test
	void shouldListNoTicketsForADeviceAutotaskDoesNotKnow() {
		stubQuery(DEVICE_QUERY, FIND_DEVICE, items());

		assertThat(this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042")).isEmpty();
		vendor.verify(0, postRequestedFor(urlEqualTo(TICKET_QUERY)));
	}

	@Test
	void shouldPublishAnInternalNoteToInternalUsersOnly() {
		stubQuery(NOTE_QUERY, findNote("alert-7:escalation-note"), items());
		vendor.stubFor(post(urlEqualTo(NOTES)).withRequestBody(equalToJson("""
				{"ticketID":9001,"title":"Closeloop [alert-7:escalation-note]","description":"Escalated: disk full",
				 "noteType":1,"publish":2}""")).willReturn(okJson("{\"itemId\":55}")));

		this.psa.addNote(TICKET, "Escalated: disk full", true, "alert-7:escalation-note");

		vendor.verify(1, postRequestedFor(urlEqualTo(NOTES)));
	}

	@Test
	void shouldPublishACustomerVisibleNoteToAllAutotaskUsers() {
		stubQuery(NOTE_QUERY, findNote("alert-7:resolution-note"), items());
		vendor.stubFor(post(urlEqualTo(NOTES)).withRequestBody(equalToJson("""
				{"ticketID":9001,"title":"Closeloop [alert-7:resolution-note]","description":"Resolved by Closeloop.",
				 "noteType":1,"publish":1}""")).willReturn(okJson("{\"itemId\":56}")));

		this.psa.addNote(TICKET, "Resolved by Closeloop.", false, "alert-7:resolution-note");

		vendor.verify(1, postRequestedFor(urlEqualTo(NOTES)));
	}

	@Test
	void shouldNotWriteANoteTwiceUnderOneKey() {
		stubQuery(NOTE_QUERY, findNote("alert-7:resolution-note"),
				items("{\"id\":56,\"ticketID\":9001,\"title\":\"Closeloop [alert-7:resolution-note]\"}"));

		this.psa.addNote(TICKET, "Resolved by Closeloop.", false, "alert-7:resolution-note");

		vendor.verify(0, postRequestedFor(urlEqualTo(NOTES)));
	}

	@Test
	void shouldCloseTheTicketWithTheCompleteStatusAndTheResolution() {
		vendor.stubFor(patch(urlEqualTo(TICKETS)).withHeader("Secret", equalTo(SECRET))
			.withRequestBody(equalToJson("{\"id\":9001,\"status\":5,\"resolution\":\"Resolved automatically\"}"))
			.willReturn(okJson("{\"itemId\":9001}")));

		this.psa.closeTicket(TICKET, "Resolved automatically", "alert-7:close-ticket");

		vendor.verify(1, patchRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldCloseWithTheCompleteStatusThisInstanceUses() {
		vendor
			.stubFor(patch(urlEqualTo(TICKETS)).withRequestBody(equalToJson("{\"id\":9001,\"status\":13}", true, true))
				.willReturn(okJson("{\"itemId\":9001}")));

		psa(13).closeTicket(TICKET, "done", "alert-7:close-ticket");

		vendor.verify(1, patchRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldMoveAnEscalatedTicketToTheEscalationStatusAndQueue() {
		vendor.stubFor(patch(urlEqualTo(TICKETS))
			.withRequestBody(equalToJson("{\"id\":9001,\"status\":8,\"queueID\":29683000}"))
			.willReturn(okJson("{\"itemId\":9001}")));

		this.psa.escalateTicket(TICKET, "fix not verified", "alert-7:escalate-ticket");

		vendor.verify(1, patchRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldAskForTheZoneOnceWhenNoUrlIsConfigured() {
		vendor.stubFor(get(urlEqualTo("/zone/v1.0/ZoneInformation?user=closeloop%40acme-msp.example"))
			.willReturn(okJson("{\"zoneName\":\"America East\",\"url\":\"" + vendor.baseUrl()
					+ "/ATServicesRest/\",\"webUrl\":\"https://ww3.autotask.net/\",\"ci\":30595}")));
		vendor.stubFor(post(urlEqualTo("/ATServicesRest/v1.0/ConfigurationItems/query"))
			.willReturn(okJson(items(configurationItem()))));
		vendor.stubFor(post(urlEqualTo("/ATServicesRest/v1.0/Tickets/query")).willReturn(okJson(items())));
		AutotaskPsa discovering = AutotaskPsa.create(properties(null, URI.create(vendor.baseUrl() + "/zone"), 5),
				new ObjectMapper(), Clock.systemUTC());

		discovering.openTicketsForDevice("acme", "dev-ACME-WS-042");
		discovering.openTicketsForDevice("acme", "dev-ACME-WS-042");

		vendor.verify(1, getRequestedFor(urlEqualTo("/zone/v1.0/ZoneInformation?user=closeloop%40acme-msp.example"))
			.withHeader("Secret", absent()));
		vendor.verify(2, postRequestedFor(urlEqualTo("/ATServicesRest/v1.0/Tickets/query")));
	}

	@Test
	void shouldWaitAsLongAsRetryAfterAsksOnA429() {
		vendor.stubFor(query(DEVICE_QUERY, FIND_DEVICE).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("allowed"));
		vendor.stubFor(query(DEVICE_QUERY, FIND_DEVICE).inScenario("limited")
			.whenScenarioStateIs("allowed")
			.willReturn(okJson(items())));

		long started = System.nanoTime();
		assertThat(this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042")).isEmpty();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		vendor.verify(2, postRequestedFor(urlEqualTo(DEVICE_QUERY)));
	}

	@Test
	void shouldRetryAQueryAfterA5xx() {
		vendor.stubFor(query(DEVICE_QUERY, FIND_DEVICE).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("Service Unavailable"))
			.willSetStateTo("up"));
		vendor.stubFor(query(DEVICE_QUERY, FIND_DEVICE).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson(items())));

		assertThat(this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042")).isEmpty();
		vendor.verify(2, postRequestedFor(urlEqualTo(DEVICE_QUERY)));
	}

	@Test
	void shouldRetryAStatusChangeAfterA5xxSinceSettingItTwiceIsHarmless() {
		vendor.stubFor(patch(urlEqualTo(TICKETS)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500).withBody("{\"errors\":[\"deadlock\"]}"))
			.willSetStateTo("up"));
		vendor.stubFor(patch(urlEqualTo(TICKETS)).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"itemId\":9001}")));

		this.psa.closeTicket(TICKET, "done", "alert-7:close-ticket");

		vendor.verify(2, patchRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldNotCreateATicketAgainAfterA5xx() {
		stubQuery(TICKET_QUERY, FIND_TICKET, items());
		stubQuery(DEVICE_QUERY, FIND_DEVICE, items());
		vendor.stubFor(post(urlEqualTo(TICKETS))
			.willReturn(aResponse().withStatus(500).withBody("{\"errors\":[\"Internal error\"]}")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicket(this.alert, "t", "d", "alert-7:open-ticket"))
			.withMessageContaining("failed after 1 attempt(s)")
			.withMessageContaining("HTTP 500");
		vendor.verify(1, postRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldNotCreateATicketAgainWhenTheAnswerTimedOut() {
		stubQuery(TICKET_QUERY, FIND_TICKET, items());
		stubQuery(DEVICE_QUERY, FIND_DEVICE, items());
		vendor.stubFor(post(urlEqualTo(TICKETS)).willReturn(okJson("{\"itemId\":9001}").withFixedDelay(2000)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicket(this.alert, "t", "d", "alert-7:open-ticket"))
			.withMessageContaining("failed after 1 attempt(s)")
			.withMessageContaining("no answer within PT1S");
		vendor.verify(1, postRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldNotWriteANoteAgainAfterA5xx() {
		stubQuery(NOTE_QUERY, findNote("alert-7:escalation-note"), items());
		vendor.stubFor(post(urlEqualTo(NOTES)).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.addNote(TICKET, "text", true, "alert-7:escalation-note"))
			.withMessageContaining("Autotask add-note failed after 1 attempt(s)");
		vendor.verify(1, postRequestedFor(urlEqualTo(NOTES)));
	}

	@Test
	void shouldFailAQueryWithAConnectorExceptionAfterEveryAttemptTimedOut() {
		vendor.stubFor(post(urlEqualTo(DEVICE_QUERY)).willReturn(okJson(items()).withFixedDelay(2000)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"))
			.withMessageContaining("Autotask find-device failed after 3 attempt(s)")
			.withMessageContaining("no answer within PT1S");
		vendor.verify(3, postRequestedFor(urlEqualTo(DEVICE_QUERY)));
	}

	@Test
	void shouldReportMalformedJsonAsAConnectorException() {
		vendor.stubFor(post(urlEqualTo(DEVICE_QUERY)).willReturn(okJson("{\"items\": [{\"id\": 321,")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"))
			.withMessageContaining("Autotask find-device answered with malformed JSON");
	}

	@Test
	void shouldReportAnAnswerWithoutItemsAsAConnectorException() {
		vendor.stubFor(post(urlEqualTo(DEVICE_QUERY)).willReturn(okJson("{\"pageDetails\":{\"count\":0}}")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"))
			.withMessageContaining("answered without 'items'");
	}

	@Test
	void shouldRejectAnUnknownTicketWithoutRetrying() {
		vendor.stubFor(patch(urlEqualTo(TICKETS))
			.willReturn(aResponse().withStatus(404).withBody("{\"errors\":[\"Ticket 9001 not found\"]}")));

		assertThatExceptionOfType(VendorRejectedException.class)
			.isThrownBy(() -> this.psa.closeTicket(TICKET, "done", "alert-7:close-ticket"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404))
			.withMessageContaining("Autotask rejected close-ticket with HTTP 404")
			.withMessageContaining("Ticket 9001 not found");
		vendor.verify(1, patchRequestedFor(urlEqualTo(TICKETS)));
	}

	@Test
	void shouldSayWhichSettingsToCheckWhenTheApiUserIsRefused() {
		vendor.stubFor(post(urlEqualTo(DEVICE_QUERY)).willReturn(aResponse().withStatus(401)));

		assertThatExceptionOfType(VendorRejectedException.class)
			.isThrownBy(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
			.withMessageContaining("check closeloop.psa.autotask.username, secret and integration-code");
		vendor.verify(1, postRequestedFor(urlEqualTo(DEVICE_QUERY)));
	}

	@Test
	void shouldNeverPutTheSecretOrIntegrationCodeInAnExceptionMessage() {
		String echo = "{\"errors\":[\"bad request from " + USER + " secret " + SECRET + " code " + CODE + "\"]}";
		vendor.stubFor(post(urlEqualTo(DEVICE_QUERY)).willReturn(aResponse().withStatus(400).withBody(echo)));
		vendor.stubFor(patch(urlEqualTo(TICKETS)).willReturn(aResponse().withStatus(500).withBody(echo)));
		vendor.stubFor(post(urlEqualTo(NOTE_QUERY)).willReturn(aResponse().withStatus(403).withBody(echo)));

		Throwable rejected = catchThrowable(() -> this.psa.openTicketsForDevice("acme", "dev-ACME-WS-042"));
		Throwable outage = catchThrowable(() -> this.psa.closeTicket(TICKET, "done", "k"));
		Throwable refused = catchThrowable(() -> this.psa.addNote(TICKET, "text", true, "k"));

		assertThat(rejected).isInstanceOf(VendorRejectedException.class).hasMessageContaining("****");
		assertThat(outage).isInstanceOf(ConnectorException.class).hasMessageContaining("****");
		assertThat(refused).isInstanceOf(VendorRejectedException.class);
		assertThat(rejected.getMessage() + outage.getMessage() + refused.getMessage()).doesNotContain(SECRET)
			.doesNotContain(CODE);
	}

	@Test
	void shouldNameTheMissingSettingForATenantWithoutCompany() {
		AlertContext globex = new AlertContext(8, "globex", "disk.space.low", "warning", "C: 3% free",
				new DeviceRef("dev-1", "GLOBEX-1", "Windows 11", "workstation"), Map.of());

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.psa.openTicket(globex, "t", "d", "alert-8:open-ticket"))
			.withMessageContaining("closeloop.psa.autotask.companies.globex");
		vendor.verify(0, postRequestedFor(urlEqualTo(TICKET_QUERY)));
	}

	@Test
	void shouldReplaceAKeyTooLongForTheExternalIdByItsDigest() {
		String key = "incident-3f2a9c1e-7b44-4d0e-9a51-2c6f0e8d1b77:open-ticket";

		String externalId = AutotaskPsa.externalId(key);

		assertThat(externalId).hasSize(50).startsWith("closeloop:").isEqualTo(AutotaskPsa.externalId(key));
		assertThat(AutotaskPsa.externalId("alert-7:open-ticket")).isEqualTo("alert-7:open-ticket");
	}

	private static AutotaskPsa psa(int completeStatus) {
		return AutotaskPsa.create(properties(URI.create(vendor.baseUrl() + "/atservicesrest"), null, completeStatus),
				new ObjectMapper(), NOW);
	}

	private static AutotaskPsaProperties properties(URI url, URI zoneLookupUrl, int completeStatus) {
		HttpSettings http = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMillis(50),
				Duration.ofSeconds(2));
		return new AutotaskPsaProperties(url, zoneLookupUrl, new Secret(CODE), USER, new Secret(SECRET),
				Map.of("acme", 175L), null, "rmmDeviceUID",
				new AutotaskPsaProperties.Ticket(29682833, 1, completeStatus, 2, Map.of("warning", 3), 8, 5, null, null,
						Duration.ofHours(24), Map.of("critical", Duration.ofHours(4), "error", Duration.ofHours(8))),
				new AutotaskPsaProperties.Escalation(8, 29683000), new AutotaskPsaProperties.Notes(1, 2, 1), http);
	}

	private static MappingBuilder query(String path, String filter) {
		return post(urlEqualTo(path)).withRequestBody(equalToJson(filter));
	}

	private static void stubQuery(String path, String filter, String answer) {
		vendor.stubFor(query(path, filter).willReturn(okJson(answer)));
	}

	private static String findNote(String key) {
		return "{\"filter\":[{\"op\":\"eq\",\"field\":\"ticketID\",\"value\":9001},"
				+ "{\"op\":\"eq\",\"field\":\"title\",\"value\":\"Closeloop [" + key + "]\"}]}";
	}

	private static String items(String... items) {
		return "{\"items\":[" + String.join(",", items) + "],\"pageDetails\":{\"count\":" + items.length
				+ ",\"requestCount\":500,\"prevPageUrl\":null,\"nextPageUrl\":null}}";
	}

	private static String configurationItem() {
		return """
				{"id":321,"companyID":175,"isActive":true,"referenceTitle":"ACME-WS-042",
				 "rmmDeviceUID":"dev-ACME-WS-042","serialNumber":"5CG1234XYZ"}""";
	}

	private static String ticket(long id, String title, int status) {
		return "{\"id\":" + id + ",\"ticketNumber\":\"T20241121.00" + (id % 100) + "\",\"title\":\"" + title
				+ "\",\"status\":" + status + ",\"companyID\":175,\"configurationItemID\":321,"
				+ "\"externalID\":\"alert-7:open-ticket\"}";
	}

}
