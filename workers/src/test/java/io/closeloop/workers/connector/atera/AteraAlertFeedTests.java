package io.closeloop.workers.connector.atera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.workers.TestRules;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.http.OpenApiStub;
import io.closeloop.workers.connector.webhook.InboundAlert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading Atera's open alerts against a stub answering in its documented shapes. */
class AteraAlertFeedTests {

	private static final String ALERTS = "/api/v3/alerts";

	@RegisterExtension
	static OpenApiStub atera = OpenApiStub.of("openapi/atera.yaml");

	@Test
	void shouldReadEveryPageOfOpenAlertsAndKeepTheMappedCustomers() {
		page(1, 3, AteraStub.alert(501, 11, 4711L, "Low Disk Space", "Disk"),
				AteraStub.alert(502, 99, 4800L, "CPU usage", "Performance"));
		page(2, 3, AteraStub.alert(503, 12, null, "Printer offline", "Availability"));

		AteraAlertFeed.OpenAlerts read = feed(AteraStub.properties(atera.baseUrl())).openAlerts();

		assertThat(read.pages()).isEqualTo(2);
		assertThat(read.complete()).isTrue();
		// Customer 99 is mapped to no tenant.
		assertThat(read.unmapped()).isEqualTo(1);
		assertThat(read.alerts()).extracting(InboundAlert::externalId).containsExactly("501", "503");
		InboundAlert disk = read.alerts().get(0);
		assertThat(disk.source()).isEqualTo("atera");
		assertThat(disk.tenant()).isEqualTo("acme");
		assertThat(disk.device()).isEqualTo(new InboundAlert.Device("4711", "HOST-501", null, "workstation"));
		assertThat(disk.type()).isEqualTo("low.disk.space");
		assertThat(disk.severity()).isEqualTo("warning");
		assertThat(disk.message()).isEqualTo("Low Disk Space\nC: free space 4%");
		assertThat(disk.occurredAt()).isEqualTo(Instant.parse("2026-11-30T09:15:00Z"));
		// An agentless device is named by its GUID, which no agent look-up knows.
		assertThat(read.alerts().get(1).tenant()).isEqualTo("globex");
		assertThat(read.alerts().get(1).device().id()).isEqualTo("5f0c7b4e-3d9a-4c1e-9b2f-000000000503");
		atera.verify(getRequestedFor(urlPathEqualTo(ALERTS)).withQueryParam("alertStatus", equalTo("Open"))
			.withQueryParam("itemsInPage", equalTo("2"))
			.withHeader("X-API-KEY", equalTo(AteraStub.KEY)));
	}

	@Test
	void shouldWaitAsLongAsAteraAsksWhenItAnswers429() {
		atera.stubFor(get(urlPathEqualTo(ALERTS)).inScenario("limit")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
			.willSetStateTo("again"));
		atera.stubFor(get(urlPathEqualTo(ALERTS)).inScenario("limit")
			.whenScenarioStateIs("again")
			.willReturn(okJson(
					AteraStub.page(1, 2, 1, List.of(AteraStub.alert(501, 11, 4711L, "Low Disk Space", "Disk"))))));

		long started = System.nanoTime();
		AteraAlertFeed.OpenAlerts read = feed(AteraStub.properties(atera.baseUrl())).openAlerts();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(read.alerts()).extracting(InboundAlert::externalId).containsExactly("501");
		atera.verify(2, getRequestedFor(urlPathEqualTo(ALERTS)));
	}

	@Test
	void shouldReportAnOutageOnlyAfterItsRetries() {
		atera.stubFor(get(urlPathEqualTo(ALERTS)).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> feed(AteraStub.properties(atera.baseUrl())).openAlerts())
			.withMessageContaining("HTTP 503");
		atera.verify(3, getRequestedFor(urlPathEqualTo(ALERTS)));
	}

	@Test
	void shouldReportAnAteraThatDoesNotAnswerInTimeAsAnOutage() {
		atera.stubFor(get(urlPathEqualTo(ALERTS))
			.willReturn(okJson(AteraStub.page(1, 2, 0, List.of())).withFixedDelay(1500)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> feed(AteraStub.properties(atera.baseUrl(), 6000, Duration.ofMillis(300))).openAlerts())
			.withMessageContaining("no answer within");
	}

	@Test
	void shouldSpreadItsRequestsOverTheMinute() {
		page(1, 5, AteraStub.alert(501, 11, 4711L, "Low Disk Space", "Disk"),
				AteraStub.alert(502, 11, 4712L, "Low Disk Space", "Disk"));
		page(2, 5, AteraStub.alert(503, 11, 4713L, "Low Disk Space", "Disk"),
				AteraStub.alert(504, 11, 4714L, "Low Disk Space", "Disk"));
		page(3, 5, AteraStub.alert(505, 11, 4715L, "Low Disk Space", "Disk"));

		// 120 a minute: one every 500 ms.
		AteraAlertFeed.OpenAlerts read = feed(AteraStub.properties(atera.baseUrl(), 120, Duration.ofSeconds(5)))
			.openAlerts();

		assertThat(read.alerts()).hasSize(5);
		List<Instant> arrivals = atera.findAll(getRequestedFor(urlPathEqualTo(ALERTS)))
			.stream()
			.map((request) -> request.getLoggedDate().toInstant())
			.sorted()
			.toList();
		assertThat(arrivals).hasSize(3);
		for (int i = 1; i < arrivals.size(); i++) {
			// Logged to the millisecond: a little slack for the rounding.
			assertThat(Duration.between(arrivals.get(i - 1), arrivals.get(i)))
				.isGreaterThanOrEqualTo(Duration.ofMillis(450));
		}
	}

	private static void page(int page, int totalItems, String... alerts) {
		atera.stubFor(get(urlPathEqualTo(ALERTS)).withQueryParam("page", equalTo(String.valueOf(page)))
			.willReturn(okJson(AteraStub.page(page, 2, totalItems, List.of(alerts)))));
	}

	private static AteraAlertFeed feed(AteraRmmProperties properties) {
		return AteraRmm.create(properties, new ObjectMapper(), Clock.systemUTC()).alertFeed(TestRules.vendorTypes());
	}

}
