package io.closeloop.workers.remediation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.InMemorySideEffects;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceRef;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.datto.DattoRmm;
import io.closeloop.workers.connector.datto.DattoRmmProperties;
import io.closeloop.workers.connector.http.HttpSettings;
import io.closeloop.workers.connector.ncentral.NcentralRmm;
import io.closeloop.workers.connector.ncentral.NcentralRmmProperties;
import io.closeloop.workers.connector.ninjaone.NinjaOneRmm;
import io.closeloop.workers.connector.ninjaone.NinjaOneRmmProperties;
import io.closeloop.workers.connector.tactical.TacticalRmm;
import io.closeloop.workers.connector.tactical.TacticalRmmProperties;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.scope.DeviceScopeCheck;
import io.closeloop.workers.simulator.SimulatedRmm;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * A key scoped to one client names a device of another: for every RMM, the remediation
 * and the verification check are refused and nothing is sent to the RMM but the question
 * whose the device is.
 */
class CrossTenantDeviceTests {

	private static final String DEVICE = "4711";

	@RegisterExtension
	static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AlertJournal journal = mock(AlertJournal.class);

	private final ActivatedJob job = mock(ActivatedJob.class);

	static Stream<Arguments> rmms() {
		return Stream.of(Arguments.of("Datto RMM", (Function<URI, RmmConnector>) CrossTenantDeviceTests::datto),
				Arguments.of("NinjaOne", (Function<URI, RmmConnector>) CrossTenantDeviceTests::ninjaOne),
				Arguments.of("Tactical RMM", (Function<URI, RmmConnector>) CrossTenantDeviceTests::tactical),
				Arguments.of("N-central", (Function<URI, RmmConnector>) CrossTenantDeviceTests::ncentral));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rmms")
	void shouldRefuseToRunAScriptOnAnotherClientsDevice(String name, Function<URI, RmmConnector> connector) {
		devicesBelongToAcme();
		RmmConnector rmm = connector.apply(URI.create(vendor.baseUrl()));
		RunScriptWorker worker = new RunScriptWorker(rmm, new InMemorySideEffects(), this.journal,
				new DeviceScopeCheck(rmm, this.journal));

		assertThatExceptionOfType(BpmnError.class)
			.isThrownBy(
					() -> worker.runScript(this.job, variables(globexAlert()), Map.of("remediation", "disk-cleanup")))
			.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo("DEVICE_OUT_OF_SCOPE"));
		assertNothingButQuestionsWasSent();
		verify(this.journal).step(eq(21L), eq("Device out of scope"), contains("device " + DEVICE + " is not in"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rmms")
	void shouldRefuseToRunACheckOnAnotherClientsDevice(String name, Function<URI, RmmConnector> connector) {
		devicesBelongToAcme();
		RmmConnector rmm = connector.apply(URI.create(vendor.baseUrl()));
		VerifyFixWorker worker = new VerifyFixWorker(rmm, this.journal, new DeviceScopeCheck(rmm, this.journal));

		assertThatExceptionOfType(BpmnError.class)
			.isThrownBy(() -> worker.verify(this.job, variables(globexAlert()),
					Map.of("verification", "disk-free-above-threshold"), 0))
			.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo("DEVICE_OUT_OF_SCOPE"));
		assertNothingButQuestionsWasSent();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rmms")
	void shouldRefuseADeviceTheRmmDoesNotKnow(String name, Function<URI, RmmConnector> connector) {
		tokens();
		vendor.stubFor(get(urlEqualTo("/api/v2/device/" + DEVICE)).willReturn(notFound()));
		vendor.stubFor(get(urlEqualTo("/v2/device/" + DEVICE)).willReturn(notFound()));
		vendor.stubFor(get(urlEqualTo("/agents/" + DEVICE + "/")).willReturn(notFound()));
		vendor.stubFor(get(urlEqualTo("/api/devices/" + DEVICE)).willReturn(notFound()));
		RmmConnector rmm = connector.apply(URI.create(vendor.baseUrl()));
		RunScriptWorker worker = new RunScriptWorker(rmm, new InMemorySideEffects(), this.journal,
				new DeviceScopeCheck(rmm, this.journal));

		assertThatExceptionOfType(BpmnError.class)
			.isThrownBy(
					() -> worker.runScript(this.job, variables(alert("acme")), Map.of("remediation", "disk-cleanup")))
			.withMessageContaining("knows no device " + DEVICE);
		assertNothingButQuestionsWasSent();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rmms")
	void shouldRefuseEveryDeviceOfATenantThatIsMappedToNoClient(String name, Function<URI, RmmConnector> connector) {
		devicesBelongToAcme();
		RmmConnector rmm = connector.apply(URI.create(vendor.baseUrl()));

		assertThat(rmm.scopeOf(alert("initech")).inScope()).isFalse();
		assertThat(rmm.scopeOf(alert("initech")).finding())
			.contains("is configured for tenant initech (set closeloop.rmm.");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rmms")
	void shouldLetTheTenantsOwnDeviceThrough(String name, Function<URI, RmmConnector> connector) {
		devicesBelongToAcme();
		RmmConnector rmm = connector.apply(URI.create(vendor.baseUrl()));

		assertThat(rmm.scopeOf(alert("acme")).inScope()).isTrue();
		assertThat(rmm.scopeOf(alert("acme")).finding()).contains("device " + DEVICE + " is in", "tenant acme's");
	}

	@org.junit.jupiter.api.Test
	void shouldKeepASimulatedDeviceWithTheClientThatEnrolledIt() {
		SimulatedRmm rmm = new SimulatedRmm(Clock.systemUTC(), Duration.ZERO);
		assertThat(rmm.scopeOf(alert("acme")).inScope()).isTrue();
		RunScriptWorker worker = new RunScriptWorker(rmm, new InMemorySideEffects(), this.journal,
				new DeviceScopeCheck(rmm, this.journal));

		assertThatExceptionOfType(BpmnError.class)
			.isThrownBy(
					() -> worker.runScript(this.job, variables(globexAlert()), Map.of("remediation", "disk-cleanup")))
			.satisfies((error) -> assertThat(error.getErrorCode()).isEqualTo("DEVICE_OUT_OF_SCOPE"));
		assertThat(rmm.scriptRuns()).isEmpty();
		assertThat(rmm.scopeOf(alert("acme")).inScope()).isTrue();
	}

	/** The device is acme's in every RMM: its site, organization, client and customer. */
	private static void devicesBelongToAcme() {
		tokens();
		vendor.stubFor(get(urlEqualTo("/api/v2/device/" + DEVICE))
			.willReturn(okJson("{\"uid\":\"" + DEVICE + "\",\"siteUid\":\"site-acme\",\"siteName\":\"Acme HQ\","
					+ "\"hostname\":\"ACME-WS-042\",\"online\":true}")));
		vendor.stubFor(get(urlEqualTo("/v2/device/" + DEVICE)).willReturn(okJson(
				"{\"id\":" + DEVICE + ",\"organizationId\":7,\"locationId\":2,\"nodeClass\":\"WINDOWS_WORKSTATION\","
						+ "\"systemName\":\"ACME-WS-042\",\"offline\":false}")));
		vendor.stubFor(get(urlEqualTo("/agents/" + DEVICE + "/")).willReturn(okJson("{\"agent_id\":\"" + DEVICE
				+ "\",\"hostname\":\"ACME-WS-042\",\"site\":12,\"site_name\":\"HQ\",\"client\":\"Acme Corp\"}")));
		vendor.stubFor(get(urlEqualTo("/clients/sites/12/"))
			.willReturn(okJson("{\"id\":12,\"name\":\"HQ\",\"client\":3,\"client_name\":\"Acme Corp\"}")));
		vendor.stubFor(get(urlEqualTo("/api/devices/" + DEVICE)).willReturn(okJson("{\"data\":{\"deviceId\":" + DEVICE
				+ ",\"longName\":\"ACME-WS-042\",\"soId\":50,\"customerId\":100,\"customerName\":\"Acme\","
				+ "\"siteId\":101}}")));
	}

	private static void tokens() {
		vendor.stubFor(post(urlEqualTo("/auth/oauth/token")).willReturn(okJson(
				"{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":360000,\"scope\":\"default\"}")));
		vendor.stubFor(post(urlEqualTo("/ws/oauth/token")).willReturn(okJson(
				"{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"monitoring\"}")));
		vendor.stubFor(post(urlEqualTo("/api/auth/authenticate")).willReturn(okJson("""
				{"tokens":{"access":{"token":"t","type":"Bearer","expirySeconds":3600},
				 "refresh":{"token":"r","type":"Body","expirySeconds":90000}}}""")));
	}

	/** Every request was a read or a sign-in: nothing was started on the device. */
	private static void assertNothingButQuestionsWasSent() {
		List<String> actions = vendor.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.filter((request) -> !request.getMethod().getName().equals("GET"))
			.map((request) -> request.getMethod() + " " + request.getUrl())
			.filter((request) -> !request.contains("/oauth/token") && !request.contains("/api/auth/"))
			.toList();
		assertThat(actions).isEmpty();
	}

	private static AlertContext globexAlert() {
		return alert("globex");
	}

	private static AlertContext alert(String tenant) {
		return new AlertContext(21, tenant, "disk.space.low", "warning", "C: free space 4%",
				new DeviceRef(DEVICE, "ACME-WS-042", "Windows 11", "workstation"), Map.of("diskFreePct", 4.0));
	}

	private static AlertVariables variables(AlertContext alert) {
		return new AlertVariables(alert.alertId(), alert.tenant(), new AlertVariables.Fields("rmm", "a-21",
				alert.type(), alert.severity(), alert.message(), alert.metrics()), alert.device());
	}

	private static HttpSettings http() {
		return new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 1, Duration.ofMillis(50),
				Duration.ofSeconds(2));
	}

	private static RmmConnector datto(URI url) {
		return DattoRmm.create(
				new DattoRmmProperties(url, new Secret("k"), new Secret("s"), Map.of("disk-cleanup", "comp-cleanup"),
						Map.of("disk-free-above-threshold", "comp-check"), Duration.ofMinutes(5), Duration.ofMillis(20),
						Duration.ofSeconds(1), http(), Map.of("acme", "site-acme", "globex", "site-globex")),
				new ObjectMapper(), Clock.systemUTC());
	}

	private static RmmConnector ninjaOne(URI url) {
		return NinjaOneRmm.create(new NinjaOneRmmProperties(null, url, "c", new Secret("s"), null, "monitoring",
				Map.of("disk-cleanup", 41), Map.of("disk-free-above-threshold", 42), null, "system", null,
				Duration.ofMinutes(5), Duration.ofMillis(20), Duration.ofSeconds(1), http(),
				Map.of("acme", 7, "globex", 8)), new ObjectMapper(), Clock.systemUTC());
	}

	private static RmmConnector tactical(URI url) {
		return TacticalRmm.create(new TacticalRmmProperties(url, new Secret("k"), Duration.ofSeconds(1),
				Map.of("disk-cleanup", 12), Map.of("disk-free-above-threshold", 13), Duration.ofMillis(20),
				Duration.ofSeconds(1), http(), Map.of("acme", 3, "globex", 4)), new ObjectMapper(), Clock.systemUTC());
	}

	private static RmmConnector ncentral(URI url) {
		return NcentralRmm.create(
				new NcentralRmmProperties(url, new Secret("eyJ.jwt.sig"), Map.of("acme", 100, "globex", 200),
						Map.of("disk-cleanup", 1001), Map.of("disk-free-above-threshold", 1002), "Script",
						"LocalSystem", List.of("Completed"), List.of("Failed"), Duration.ofMinutes(30),
						Duration.ofMinutes(5), Duration.ofMillis(20), Duration.ofSeconds(1), http()),
				new ObjectMapper(), Clock.systemUTC());
	}

}
