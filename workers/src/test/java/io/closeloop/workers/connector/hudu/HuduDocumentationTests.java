package io.closeloop.workers.connector.hudu;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.DocumentationLink;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.http.HttpSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Hudu against a stub answering in its documented shapes. */
class HuduDocumentationTests {

	private static final String API_KEY = "hudu-key-8c41f0d2a97e";

	private static final String COMPANY = "/api/v1/companies/42";

	@RegisterExtension
	static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

	private final HuduDocumentation docs = docs(Map.of("acme", 42L));

	@BeforeEach
	void noArticlesOrProceduresUnlessATestSaysSo() {
		vendor.stubFor(get(urlPathEqualTo("/api/v1/articles")).atPriority(10).willReturn(okJson("{\"articles\":[]}")));
		vendor.stubFor(
				get(urlPathEqualTo("/api/v1/procedures")).atPriority(10).willReturn(okJson("{\"procedures\":[]}")));
	}

	@Test
	void shouldLinkTheCompanyTheHostsAssetAndTheTopicsArticlesAndProcedures() {
		vendor.stubFor(get(urlEqualTo(COMPANY)).withHeader("x-api-key", equalTo(API_KEY))
			.willReturn(okJson("{\"company\":" + company() + "}")));
		vendor.stubFor(assets().willReturn(okJson("{\"assets\":[" + asset("901", "ACME-WS-042") + "]}")));
		vendor.stubFor(named("/api/v1/articles").willReturn(okJson("""
				{"articles":[{"id":77,"name":"Disk cleanup for Acme workstations","company_id":42,"draft":false,
				 "content":"<h1>Steps</h1><p>Run cleanmgr &amp; empty %TEMP%</p>","slug":"disk-cleanup-x7",
				 "url":"/kba/disk-cleanup-x7"}]}""")));
		vendor.stubFor(named("/api/v1/procedures").willReturn(okJson("""
				{"procedures":[{"id":12,"name":"Disk full escalation","company_id":42,
				 "description":"Who to call when a server disk fills",
				 "url":"https://docs.acme-msp.example/procedures/12"}]}""")));

		List<DocumentationLink> links = this.docs.lookUp(this.alert);

		assertThat(links).containsExactly(
				new DocumentationLink("company", "Acme Corp", "https://docs.acme-msp.example/c/acme-corp",
						"Alarm code is with the office manager"),
				new DocumentationLink("asset", "ACME-WS-042", "https://docs.acme-msp.example/a/acme-ws-042-x1",
						"Computer, EliteBook 840 G8, 5CG1234XYZ, Role: Finance laptop"),
				new DocumentationLink("article", "Disk cleanup for Acme workstations",
						vendor.baseUrl() + "/kba/disk-cleanup-x7", "Steps Run cleanmgr & empty %TEMP%"),
				new DocumentationLink("procedure", "Disk full escalation",
						"https://docs.acme-msp.example/procedures/12", "Who to call when a server disk fills"));
	}

	@Test
	void shouldFindTheCompanyByNameWhenItIsNotMapped() {
		vendor.stubFor(get(urlPathEqualTo("/api/v1/companies")).withQueryParam("name", equalTo("acme"))
			.willReturn(okJson("{\"companies\":[" + company() + "]}")));
		vendor.stubFor(assets().willReturn(okJson("{\"assets\":[]}")));

		List<DocumentationLink> links = docs(Map.of()).lookUp(this.alert);

		assertThat(links).extracting(DocumentationLink::kind).containsExactly("company");
	}

	@Test
	void shouldFindNothingForATenantHuduDoesNotKnow() {
		vendor.stubFor(get(urlPathEqualTo("/api/v1/companies")).willReturn(okJson("{\"companies\":[]}")));

		assertThat(docs(Map.of()).lookUp(this.alert)).isEmpty();
	}

	@Test
	void shouldPreferTheHostItselfAmongAssetsWithSimilarNames() {
		vendor.stubFor(get(urlEqualTo(COMPANY)).willReturn(okJson("{\"company\":" + company() + "}")));
		vendor.stubFor(assets().willReturn(
				okJson("{\"assets\":[" + asset("900", "ACME-WS-0421") + "," + asset("901", "ACME-WS-042") + "]}")));

		assertThat(this.docs.lookUp(this.alert).get(1).title()).isEqualTo("ACME-WS-042");
	}

	@Test
	void shouldSayWhichSettingToCheckWhenTheApiKeyIsRefused() {
		vendor.stubFor(get(urlEqualTo(COMPANY))
			.willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Invalid API key\"}")));

		assertThatExceptionOfType(VendorRejectedException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
			.withMessageContaining("Hudu rejected company with HTTP 401")
			.withMessageContaining("check closeloop.docs.hudu.api-key");
		vendor.verify(1, getRequestedFor(urlEqualTo(COMPANY)));
	}

	@Test
	void shouldSayWhichSettingToCheckOnA403Too() {
		vendor.stubFor(get(urlEqualTo(COMPANY)).willReturn(aResponse().withStatus(403)));

		assertThatExceptionOfType(VendorRejectedException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.withMessageContaining("check closeloop.docs.hudu.api-key");
	}

	@Test
	void shouldWaitAsLongAsRetryAfterAsksOnA429() {
		vendor.stubFor(get(urlEqualTo(COMPANY)).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("allowed"));
		vendor.stubFor(get(urlEqualTo(COMPANY)).inScenario("limited")
			.whenScenarioStateIs("allowed")
			.willReturn(okJson("{\"company\":" + company() + "}")));
		vendor.stubFor(assets().willReturn(okJson("{\"assets\":[]}")));

		long started = System.nanoTime();
		List<DocumentationLink> links = this.docs.lookUp(this.alert);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(links).hasSize(1);
		vendor.verify(2, getRequestedFor(urlEqualTo(COMPANY)));
	}

	@Test
	void shouldRetryA5xxUntilItSucceeds() {
		vendor.stubFor(get(urlEqualTo(COMPANY)).willReturn(okJson("{\"company\":" + company() + "}")));
		vendor.stubFor(assets().inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("Service Unavailable"))
			.willSetStateTo("up"));
		vendor.stubFor(assets().inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"assets\":[" + asset("901", "ACME-WS-042") + "]}")));

		assertThat(this.docs.lookUp(this.alert)).hasSize(2);
		vendor.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/assets")));
	}

	@Test
	void shouldFailWithAConnectorExceptionAfterEveryAttemptTimedOut() {
		vendor.stubFor(
				get(urlEqualTo(COMPANY)).willReturn(okJson("{\"company\":" + company() + "}").withFixedDelay(2000)));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.withMessageContaining("Hudu company failed after 3 attempt(s)")
			.withMessageContaining("no answer within PT1S");
	}

	@Test
	void shouldReportMalformedJsonAsAConnectorException() {
		vendor.stubFor(get(urlEqualTo(COMPANY)).willReturn(okJson("<html><body>Maintenance</body></html>")));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.withMessageContaining("Hudu company answered with malformed JSON");
	}

	@Test
	void shouldReportAnAnswerOfTheWrongShapeAsAConnectorException() {
		vendor.stubFor(get(urlEqualTo(COMPANY)).willReturn(okJson("{\"company\":" + company() + "}")));
		vendor.stubFor(assets().willReturn(okJson("{\"asset\":{\"id\":901}}")));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.withMessageContaining("Hudu asset answered without 'assets'");
	}

	@Test
	void shouldNeverPutTheApiKeyInAnExceptionMessage() {
		vendor.stubFor(get(urlEqualTo(COMPANY))
			.willReturn(aResponse().withStatus(422).withBody("{\"error\":\"bad key " + API_KEY + "\"}")));
		Throwable rejected = catchThrowable(() -> this.docs.lookUp(this.alert));
		vendor.resetAll();
		vendor.stubFor(
				get(urlEqualTo(COMPANY)).willReturn(aResponse().withStatus(500).withBody("x-api-key: " + API_KEY)));
		Throwable outage = catchThrowable(() -> this.docs.lookUp(this.alert));

		assertThat(rejected).isInstanceOf(VendorRejectedException.class).hasMessageContaining("****");
		assertThat(outage).isInstanceOf(ConnectorException.class).hasMessageContaining("****");
		assertThat(rejected.getMessage() + outage.getMessage()).doesNotContain(API_KEY);
	}

	private static HuduDocumentation docs(Map<String, Long> companies) {
		HttpSettings http = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMillis(50),
				Duration.ofSeconds(2));
		return HuduDocumentation.create(new HuduDocumentationProperties(URI.create(vendor.baseUrl()),
				new Secret(API_KEY), companies, Map.of("disk.space.low", "disk"), 5, http), new ObjectMapper(),
				Clock.systemUTC());
	}

	private static MappingBuilder assets() {
		return get(urlPathEqualTo("/api/v1/assets")).withHeader("x-api-key", equalTo(API_KEY))
			.withQueryParam("company_id", equalTo("42"))
			.withQueryParam("name", equalTo("ACME-WS-042"));
	}

	private static MappingBuilder named(String path) {
		return get(urlPathEqualTo(path)).withHeader("x-api-key", equalTo(API_KEY))
			.withQueryParam("company_id", equalTo("42"))
			.withQueryParam("name", equalTo("disk"))
			.withQueryParam("page_size", equalTo("5"));
	}

	private static String company() {
		return """
				{"id":42,"name":"Acme Corp","nickname":"ACME","company_type":"Customer",
				 "notes":"<p>Alarm code is with the office manager</p>","archived":false,
				 "url":"https://docs.acme-msp.example/c/acme-corp"}""";
	}

	private static String asset(String id, String name) {
		return """
				{"id":%1$s,"company_id":42,"asset_layout_id":3,"name":"%2$s","company_name":"Acme Corp",
				 "asset_type":"Computer","primary_serial":"5CG1234XYZ","primary_model":"EliteBook 840 G8",
				 "archived":false,"url":"https://docs.acme-msp.example/a/acme-ws-042-x1",
				 "fields":[{"id":1,"label":"Role","value":"Finance laptop","position":1},
				           {"id":2,"label":"Warranty","value":"","position":2}]}""".formatted(id, name);
	}

}
