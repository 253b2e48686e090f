package io.closeloop.workers.connector.itglue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/** IT Glue against a stub answering in its documented JSON:API shapes. */
class ItGlueDocumentationTests {

	private static final String API_KEY = "ITG.5f0c1e9a7b3d4c2e.s3cr3t";

	private static final String ORGANIZATION = "/organizations/2701";

	@RegisterExtension
	static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

	private final ItGlueDocumentation docs = docs(Map.of("acme", 2701L));

	@BeforeEach
	void noRunbooksUnlessATestSaysSo() {
		vendor.stubFor(get(urlPathEqualTo("/flexible_assets")).atPriority(10).willReturn(jsonApi(list())));
	}

	@Test
	void shouldLinkTheOrganizationTheHostsConfigurationAndTheTopicsRunbooks() {
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).withHeader("x-api-key", equalTo(API_KEY))
			.withHeader("Accept", equalTo("application/vnd.api+json"))
			.willReturn(jsonApi(organization())));
		vendor.stubFor(configurations().willReturn(jsonApi(list(configuration("88001", "ACME-WS-042")))));
		vendor.stubFor(get(urlPathEqualTo("/flexible_assets")).withHeader("x-api-key", equalTo(API_KEY))
			.withQueryParam("filter[flexible_asset_type_id]", equalTo("120"))
			.withQueryParam("filter[organization_id]", equalTo("2701"))
			.withQueryParam("filter[name]", equalTo("disk"))
			.withQueryParam("page[size]", equalTo("5"))
			.willReturn(jsonApi(list(runbook()))));

		List<DocumentationLink> links = this.docs.lookUp(this.alert);

		assertThat(links).containsExactly(
				new DocumentationLink("organization", "Acme Corp", "https://acme-msp.itglue.com/2701",
						"Server room key at reception. After-hours: call 555-0100 & ask for Sam"),
				new DocumentationLink("configuration", "ACME-WS-042",
						"https://acme-msp.itglue.com/2701/configurations/88001",
						"Workstation, Windows 11 Pro, 10.0.4.42, Active, Finance team laptop"),
				new DocumentationLink("runbook", "Disk cleanup runbook",
						"https://acme-msp.itglue.com/2701/assets/records/5501",
						"name: Disk cleanup runbook; steps: Empty C:\\Windows\\Temp, then run cleanmgr /sagerun:1"));
	}

	@Test
	void shouldFindTheOrganizationByNameWhenItIsNotMapped() {
		vendor.stubFor(get(urlPathEqualTo("/organizations")).withQueryParam("filter[name]", equalTo("acme"))
			.withQueryParam("page[size]", equalTo("1"))
			.willReturn(jsonApi(list(organizationItem()))));
		vendor.stubFor(configurations().willReturn(jsonApi(list())));

		List<DocumentationLink> links = docs(Map.of()).lookUp(this.alert);

		assertThat(links).extracting(DocumentationLink::kind).containsExactly("organization");
	}

	@Test
	void shouldFindNothingForATenantItGlueDoesNotKnow() {
		vendor.stubFor(get(urlPathEqualTo("/organizations")).willReturn(jsonApi(list())));

		assertThat(docs(Map.of()).lookUp(this.alert)).isEmpty();
	}

	@Test
	void shouldPreferTheHostItselfAmongConfigurationsWithSimilarNames() {
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).willReturn(jsonApi(organization())));
		vendor.stubFor(configurations()
			.willReturn(jsonApi(list(configuration("88000", "ACME-WS-0421"), configuration("88001", "ACME-WS-042")))));

		List<DocumentationLink> links = this.docs.lookUp(this.alert);

		assertThat(links.get(1).url()).endsWith("/configurations/88001");
	}

	@Test
	void shouldSayWhichSettingToCheckWhenTheApiKeyIsRefused() {
		// IT Glue answers a wrong key with 403.
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).willReturn(
				aResponse().withStatus(403).withBody("{\"errors\":[{\"status\":\"403\",\"title\":\"Forbidden\"}]}")));

		assertThatExceptionOfType(VendorRejectedException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403))
			.withMessageContaining("IT Glue rejected organization with HTTP 403")
			.withMessageContaining("check closeloop.docs.itglue.api-key");
		vendor.verify(1, getRequestedFor(urlEqualTo(ORGANIZATION)));
	}

	@Test
	void shouldSayWhichSettingToCheckOnA401Too() {
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).willReturn(aResponse().withStatus(401)));

		assertThatExceptionOfType(VendorRejectedException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.withMessageContaining("check closeloop.docs.itglue.api-key");
	}

	@Test
	void shouldWaitAsLongAsRetryAfterAsksOnA429() {
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("allowed"));
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).inScenario("limited")
			.whenScenarioStateIs("allowed")
			.willReturn(jsonApi(organization())));
		vendor.stubFor(configurations().willReturn(jsonApi(list())));

		long started = System.nanoTime();
		List<DocumentationLink> links = this.docs.lookUp(this.alert);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(links).hasSize(1);
		vendor.verify(2, getRequestedFor(urlEqualTo(ORGANIZATION)));
	}

	@Test
	void shouldRetryA5xxUntilItSucceeds() {
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).willReturn(jsonApi(organization())));
		vendor.stubFor(configurations().inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502).withBody("Bad Gateway"))
			.willSetStateTo("up"));
		vendor.stubFor(configurations().inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(jsonApi(list(configuration("88001", "ACME-WS-042")))));

		assertThat(this.docs.lookUp(this.alert)).hasSize(2);
		vendor.verify(2, getRequestedFor(urlPathEqualTo("/configurations")));
	}

	@Test
	void shouldFailWithAConnectorExceptionAfterEveryAttemptTimedOut() {
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).willReturn(jsonApi(organization()).withFixedDelay(2000)));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.withMessageContaining("IT Glue organization failed after 3 attempt(s)")
			.withMessageContaining("no answer within PT1S");
	}

	@Test
	void shouldReportMalformedJsonAsAConnectorException() {
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).willReturn(jsonApi("{\"data\":{\"id\":\"2701\",")));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.withMessageContaining("IT Glue organization answered with malformed JSON");
	}

	@Test
	void shouldReportAnAnswerOfTheWrongShapeAsAConnectorException() {
		vendor.stubFor(get(urlEqualTo(ORGANIZATION)).willReturn(jsonApi(organization())));
		vendor.stubFor(configurations().willReturn(jsonApi("{\"data\":{\"id\":\"88001\"}}")));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.docs.lookUp(this.alert))
			.withMessageContaining("IT Glue configuration answered 'data' that is not a list");
	}

	@Test
	void shouldNeverPutTheApiKeyInAnExceptionMessage() {
		vendor.stubFor(get(urlEqualTo(ORGANIZATION))
			.willReturn(aResponse().withStatus(404).withBody("{\"errors\":[{\"detail\":\"key " + API_KEY + "\"}]}")));
		Throwable rejected = catchThrowable(() -> this.docs.lookUp(this.alert));
		vendor.resetAll();
		vendor.stubFor(get(urlEqualTo(ORGANIZATION))
			.willReturn(aResponse().withStatus(500).withBody("upstream said x-api-key=" + API_KEY)));
		Throwable outage = catchThrowable(() -> this.docs.lookUp(this.alert));

		assertThat(rejected).isInstanceOf(VendorRejectedException.class).hasMessageContaining("****");
		assertThat(outage).isInstanceOf(ConnectorException.class).hasMessageContaining("****");
		assertThat(rejected.getMessage() + outage.getMessage()).doesNotContain(API_KEY);
	}

	private static ItGlueDocumentation docs(Map<String, Long> organizations) {
		HttpSettings http = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMillis(50),
				Duration.ofSeconds(2));
		return ItGlueDocumentation.create(
				new ItGlueDocumentationProperties(URI.create(vendor.baseUrl()), new Secret(API_KEY), organizations,
						List.of(120L), Map.of("disk.space.low", "disk"), 5, http),
				new ObjectMapper(), Clock.systemUTC());
	}

	private static MappingBuilder configurations() {
		return get(urlPathEqualTo("/configurations")).withHeader("x-api-key", equalTo(API_KEY))
			.withQueryParam("filter[organization_id]", equalTo("2701"))
			.withQueryParam("filter[name]", equalTo("ACME-WS-042"))
			.withQueryParam("page[size]", equalTo("5"));
	}

	private static ResponseDefinitionBuilder jsonApi(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json").withBody(body);
	}

	private static String list(String... items) {
		return "{\"data\":[" + String.join(",", items) + "],\"meta\":{\"current-page\":1,\"next-page\":null,"
				+ "\"prev-page\":null,\"total-pages\":1,\"total-count\":" + items.length + ",\"filters\":{}},"
				+ "\"links\":{}}";
	}

	private static String organization() {
		return "{\"data\":" + organizationItem() + "}";
	}

	private static String organizationItem() {
		return """
				{"id":"2701","type":"organizations","attributes":{"name":"Acme Corp","short-name":"ACME",
				 "description":"Manufacturing, 40 seats","organization-type-name":"Customer",
				 "organization-status-name":"Active",
				 "quick-notes":"<p>Server room key at reception.</p><p>After-hours: call 555-0100 &amp; ask for Sam</p>",
				 "resource-url":"https://acme-msp.itglue.com/2701","created-at":"2021-03-02T10:11:12.000Z"}}""";
	}

	private static String configuration(String id, String name) {
		return """
				{"id":"%1$s","type":"configurations","attributes":{"organization-id":2701,
				 "organization-name":"Acme Corp","name":"%2$s","hostname":"%2$s","primary-ip":"10.0.4.42",
				 "configuration-type-name":"Workstation","configuration-status-name":"Active",
				 "operating-system-name":"Windows 11 Pro","notes":"Finance team laptop","archived":false,
				 "resource-url":"https://acme-msp.itglue.com/2701/configurations/%1$s"}}""".formatted(id, name);
	}

	private static String runbook() {
		return """
				{"id":"5501","type":"flexible-assets","attributes":{"organization-id":2701,
				 "name":"Disk cleanup runbook","flexible-asset-type-id":120,"flexible-asset-type-name":"Runbook",
				 "traits":{"name":"Disk cleanup runbook",
				           "steps":"Empty C:\\\\Windows\\\\Temp, then run cleanmgr /sagerun:1","owner-id":17},
				 "resource-url":"https://acme-msp.itglue.com/2701/assets/records/5501"}}""";
	}

}
