package io.closeloop.workers.connector.atera;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.DeviceRef;
import io.closeloop.workers.connector.DeviceScope;
import io.closeloop.workers.connector.http.OpenApiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Atera's agents against a stub answering in its documented shapes. */
class AteraRmmTests {

	@RegisterExtension
	static OpenApiStub atera = OpenApiStub.of("openapi/atera.yaml");

	private final AteraRmm rmm = AteraRmm.create(AteraStub.properties(atera.baseUrl()), new ObjectMapper(),
			Clock.systemUTC());

	@Test
	void shouldFindTheTenantsOwnAgentInScope() {
		atera.stubFor(get(urlEqualTo("/api/v3/agents/4711")).withHeader("X-API-KEY", equalTo(AteraStub.KEY))
			.willReturn(okJson(AteraStub.agent(4711, 11, "ACME-LT-07"))));

		DeviceScope scope = this.rmm.scopeOf(alert("acme", "4711"));

		assertThat(scope.inScope()).isTrue();
		assertThat(scope.finding()).isEqualTo("device 4711 is in Atera customer 11 (tenant acme's)");
	}

	@Test
	void shouldRefuseAnotherCustomersAgent() {
		atera.stubFor(
				get(urlEqualTo("/api/v3/agents/4711")).willReturn(okJson(AteraStub.agent(4711, 11, "ACME-LT-07"))));

		DeviceScope scope = this.rmm.scopeOf(alert("globex", "4711"));

		assertThat(scope.inScope()).isFalse();
		// Globex is customer 12; the refusal names nothing of the customer the agent is
		// in.
		assertThat(scope.finding()).isEqualTo("device 4711 is not in Atera customer 12 (tenant globex's)")
			.doesNotContain("customer 11")
			.doesNotContain("Customer 11");
	}

	@Test
	void shouldRefuseAnAgentAteraDoesNotKnow() {
		atera.stubFor(get(urlEqualTo("/api/v3/agents/999")).willReturn(aResponse().withStatus(404)));

		assertThat(this.rmm.scopeOf(alert("acme", "999")).inScope()).isFalse();
	}

	@Test
	void shouldRefuseAnAgentlessDeviceWithoutAskingAtera() {
		DeviceScope scope = this.rmm.scopeOf(alert("acme", "5f0c7b4e-3d9a-4c1e-9b2f-000000000042"));

		assertThat(scope.inScope()).isFalse();
		assertThat(scope.finding()).isEqualTo("Atera knows no device 5f0c7b4e-3d9a-4c1e-9b2f-000000000042");
		atera.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void shouldRefuseATenantMappedToNoCustomer() {
		atera.stubFor(
				get(urlEqualTo("/api/v3/agents/4711")).willReturn(okJson(AteraStub.agent(4711, 11, "ACME-LT-07"))));

		DeviceScope scope = this.rmm.scopeOf(alert("initech", "4711"));

		assertThat(scope.inScope()).isFalse();
		assertThat(scope.finding()).contains("set closeloop.rmm.atera.customers.initech");
	}

	@Test
	void shouldReadTheAgentsFacts() {
		atera.stubFor(
				get(urlEqualTo("/api/v3/agents/4711")).willReturn(okJson(AteraStub.agent(4711, 11, "ACME-LT-07"))));

		DeviceFacts facts = this.rmm.deviceFacts(alert("acme", "4711"));

		assertThat(facts.hostname()).isEqualTo("ACME-LT-07");
		assertThat(facts.online()).isTrue();
		assertThat(facts.os()).isEqualTo("Windows 11 Pro");
		assertThat(facts.lastSeen()).isEqualTo("2026-11-30T09:58:00");
		assertThat(facts.details()).containsEntry("CustomerName", "Customer 11")
			.containsEntry("DeviceType", "Laptop")
			.containsEntry("AppViewUrl", "https://app.atera.com/new/device/4711");
	}

	@Test
	void shouldSayItCannotRunScriptsAndNeverCallAteraToTry() {
		assertThat(this.rmm.scriptsUnavailable("acme"))
			.contains("Atera's public API offers no call that runs a script");

		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.rmm.runScript(alert("acme", "4711"), "disk-cleanup", "alert-7:run-script"))
			.withMessageContaining("Atera alerts are handed to a person");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.rmm.verify(alert("acme", "4711"), "disk-free-above-threshold"));
		atera.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void shouldSendTheKeyAsABearerTokenWhenConfiguredSo() {
		AteraRmmProperties stub = AteraStub.properties(atera.baseUrl());
		AteraRmm bearer = AteraRmm.create(
				new AteraRmmProperties(stub.url(), stub.apiKey(), AteraRmmProperties.Scheme.BEARER, stub.customers(),
						stub.requestsPerMinute(), stub.pollInterval(), stub.pageSize(), stub.maxPages(), stub.http()),
				new ObjectMapper(), Clock.systemUTC());
		atera.stubFor(
				get(urlEqualTo("/api/v3/agents/4711")).willReturn(okJson(AteraStub.agent(4711, 11, "ACME-LT-07"))));

		bearer.scopeOf(alert("acme", "4711"));

		atera.verify(getRequestedFor(urlEqualTo("/api/v3/agents/4711")).withHeader("Authorization",
				equalTo("Bearer " + AteraStub.KEY)));
		atera.verify(0,
				getRequestedFor(urlEqualTo("/api/v3/agents/4711")).withHeader("X-API-KEY", equalTo(AteraStub.KEY)));
	}

	private static AlertContext alert(String tenant, String deviceId) {
		return new AlertContext(7L, tenant, "low.disk.space", "warning", "C: free space 4%",
				new DeviceRef(deviceId, "HOST", null, "workstation"), Map.of());
	}

}
