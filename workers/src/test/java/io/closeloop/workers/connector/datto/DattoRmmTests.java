package io.closeloop.workers.connector.datto;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.Verification;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.http.HttpSettings;
import io.closeloop.workers.connector.http.OpenApiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Datto RMM against a stub answering in its documented shapes. */
class DattoRmmTests {

	private static final String API_KEY = "DATTO-KEY-9F2C";

	private static final String API_SECRET = "datto-secret-77aa";

	private static final String TOKEN = "/auth/oauth/token";

	private static final String DEVICE = "/api/v2/device/dev-ACME-WS-042";

	private static final String QUICKJOB = DEVICE + "/quickjob";

	private static final String JOB = "/api/v2/job/job-1";

	private static final String RESULTS = JOB + "/results/dev-ACME-WS-042";

	@RegisterExtension
	static OpenApiStub vendor = OpenApiStub.of("openapi/datto.yaml", TOKEN);

	private final AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

	private final DattoRmm rmm = DattoRmm.create(
			new DattoRmmProperties(URI.create(vendor.baseUrl()), new Secret(API_KEY), new Secret(API_SECRET),
					Map.of("disk-cleanup", "comp-cleanup"), Map.of("disk-free-above-threshold", "comp-check"),
					Duration.ofMinutes(5), Duration.ofMillis(20), Duration.ofSeconds(2),
					new HttpSettings(Duration.ofMillis(500), Duration.ofMillis(300), 3, Duration.ofMillis(50),
							Duration.ofSeconds(2)),
					Map.of("acme", "site-acme")),
			new ObjectMapper(), Clock.systemUTC());

	@Test
	void shouldStartAQuickJobNamedForTheKeyAndReadItsResultWhenDone() {
		token("token-a", 360000);
		vendor.stubFor(put(urlEqualTo(QUICKJOB)).withHeader("Authorization", equalTo("Bearer token-a"))
			.withRequestBody(equalToJson("{\"jobName\":\"Closeloop disk-cleanup [alert-7-run-script]\","
					+ "\"jobComponent\":{\"componentUid\":\"comp-cleanup\",\"variables\":[]}}"))
			.willReturn(okJson(quickJob())));
		vendor.stubFor(get(urlEqualTo(JOB)).inScenario("job")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(job("active")))
			.willSetStateTo("done"));
		vendor.stubFor(get(urlEqualTo(JOB)).inScenario("job")
			.whenScenarioStateIs("done")
			.willReturn(okJson(job("completed"))));
		vendor.stubFor(get(urlEqualTo(RESULTS)).willReturn(okJson(results("Success"))));
		vendor.stubFor(get(urlEqualTo(RESULTS + "/stdout")).willReturn(okJson(
				"[{\"componentUid\":\"comp-cleanup\",\"componentName\":\"Disk cleanup\",\"stdData\":\"Freed 4.2 GB\\n\"}]")));

		ScriptRun started = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7-run-script");
		ScriptRun running = this.rmm.scriptRun("acme", started.runId());
		ScriptRun done = this.rmm.scriptRun("acme", started.runId());

		assertThat(started.runId()).isEqualTo("job-1:dev-ACME-WS-042");
		assertThat(started.status()).isEqualTo(ScriptRun.Status.RUNNING);
		assertThat(running.status()).isEqualTo(ScriptRun.Status.RUNNING);
		assertThat(done.status()).isEqualTo(ScriptRun.Status.SUCCEEDED);
		assertThat(done.output()).isEqualTo("Freed 4.2 GB");
		// One token for every call, fetched with Datto's public client and the API key.
		vendor.verify(1,
				postRequestedFor(urlEqualTo(TOKEN))
					.withHeader("Authorization", equalTo("Basic cHVibGljLWNsaWVudDpwdWJsaWM="))
					.withRequestBody(equalTo("grant_type=password&username=" + API_KEY + "&password=" + API_SECRET)));
	}

	@Test
	void shouldReportAFailedComponentAsAFailedRun() {
		token("token-a", 360000);
		vendor.stubFor(get(urlEqualTo(JOB)).willReturn(okJson(job("completed"))));
		vendor.stubFor(get(urlEqualTo(RESULTS)).willReturn(okJson(results("Failure"))));

		ScriptRun run = this.rmm.scriptRun("acme", "job-1:dev-ACME-WS-042");

		assertThat(run.status()).isEqualTo(ScriptRun.Status.FAILED);
		assertThat(run.output()).contains("failed");
	}

	@Test
	void shouldVerifyByRunningTheCheckComponentUntilItFinishes() {
		token("token-a", 360000);
		vendor.stubFor(put(urlEqualTo(QUICKJOB))
			.withRequestBody(equalToJson("{\"jobComponent\":{\"componentUid\":\"comp-check\"}}", true, true))
			.willReturn(okJson(quickJob())));
		vendor.stubFor(get(urlEqualTo(JOB)).inScenario("check")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(job("active")))
			.willSetStateTo("done"));
		vendor.stubFor(get(urlEqualTo(JOB)).inScenario("check")
			.whenScenarioStateIs("done")
			.willReturn(okJson(job("completed"))));
		vendor.stubFor(get(urlEqualTo(RESULTS)).willReturn(okJson(results("Success"))));
		vendor.stubFor(get(urlEqualTo(RESULTS + "/stdout"))
			.willReturn(okJson("[{\"componentUid\":\"comp-check\",\"stdData\":\"31.5% free\"}]")));

		Verification verification = this.rmm.verify(this.alert, "disk-free-above-threshold");

		assertThat(verification.passed()).isTrue();
		assertThat(verification.evidence()).isEqualTo("31.5% free");
	}

	@Test
	void shouldGiveUpOnACheckThatIsStillRunningAfterTheCheckTimeout() {
		token("token-a", 360000);
		vendor.stubFor(put(urlEqualTo(QUICKJOB)).willReturn(okJson(quickJob())));
		vendor.stubFor(get(urlEqualTo(JOB)).willReturn(okJson(job("active"))));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.verify(this.alert, "disk-free-above-threshold"))
			.withMessageContaining("Datto RMM check disk-free-above-threshold")
			.withMessageContaining("did not finish within PT2S");
		vendor.verify(0, getRequestedFor(urlEqualTo(RESULTS)));
	}

	@Test
	void shouldReadDeviceFacts() {
		token("token-a", 360000);
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device())));

		DeviceFacts facts = this.rmm.deviceFacts(this.alert);

		assertThat(facts.hostname()).isEqualTo("ACME-WS-042");
		assertThat(facts.online()).isTrue();
		assertThat(facts.os()).isEqualTo("Microsoft Windows 11 Pro 22631");
		assertThat(facts.lastSeen()).isEqualTo("2024-11-21T09:06:40Z");
		assertThat(facts.details()).containsEntry("siteName", "Acme HQ")
			.containsEntry("patchStatus", "FullyPatched")
			.containsEntry("deviceType", "Desktop")
			.containsEntry("deviceClass", "device");
	}

	@Test
	void shouldFetchANewTokenOnceWhenTheApiRejectsTheCachedOne() {
		vendor.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(tokenBody("token-old", 360000)))
			.willSetStateTo("renewed"));
		vendor.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens")
			.whenScenarioStateIs("renewed")
			.willReturn(okJson(tokenBody("token-new", 360000))));
		vendor.stubFor(get(urlEqualTo(DEVICE)).withHeader("Authorization", equalTo("Bearer token-old"))
			.willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}")));
		vendor.stubFor(get(urlEqualTo(DEVICE)).withHeader("Authorization", equalTo("Bearer token-new"))
			.willReturn(okJson(device())));

		assertThat(this.rmm.deviceFacts(this.alert).hostname()).isEqualTo("ACME-WS-042");
		vendor.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
		vendor.verify(2, getRequestedFor(urlEqualTo(DEVICE)));
	}

	@Test
	void shouldRefreshATokenAboutToExpireBeforeUsingIt() {
		// Expires in 60 s, inside the 5 minutes before expiry when it is replaced.
		token("token-short", 60);
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device())));

		this.rmm.deviceFacts(this.alert);
		this.rmm.deviceFacts(this.alert);

		vendor.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
	}

	@Test
	void shouldWaitAsLongAsRetryAfterAsksOnA429() {
		token("token-a", 360000);
		vendor.stubFor(get(urlEqualTo(DEVICE)).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("allowed"));
		vendor.stubFor(get(urlEqualTo(DEVICE)).inScenario("limited")
			.whenScenarioStateIs("allowed")
			.willReturn(okJson(device())));

		long started = System.nanoTime();
		this.rmm.deviceFacts(this.alert);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		vendor.verify(2, getRequestedFor(urlEqualTo(DEVICE)));
	}

	@Test
	void shouldRetryA5xxUntilItSucceeds() {
		token("token-a", 360000);
		vendor.stubFor(get(urlEqualTo(DEVICE)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		vendor.stubFor(
				get(urlEqualTo(DEVICE)).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(device())));

		assertThat(this.rmm.deviceFacts(this.alert).online()).isTrue();
		vendor.verify(2, getRequestedFor(urlEqualTo(DEVICE)));
	}

	@Test
	void shouldFailWithAConnectorExceptionAfterEveryAttemptTimedOut() {
		token("token-a", 360000);
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device()).withFixedDelay(1000)));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.withMessageContaining("Datto RMM device-facts failed after 3 attempt(s)");
		vendor.verify(3, getRequestedFor(urlEqualTo(DEVICE)));
	}

	@Test
	void shouldReportMalformedJsonAsAConnectorException() {
		token("token-a", 360000);
		vendor.stubFor(get(urlEqualTo(JOB)).willReturn(aResponse().withStatus(200).withBody("<html>gateway</html>")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.scriptRun("acme", "job-1:dev-ACME-WS-042"))
			.withMessageContaining("malformed JSON");
	}

	@Test
	void shouldRejectAnUnknownDeviceWithoutRetrying() {
		token("token-a", 360000);
		vendor.stubFor(put(urlEqualTo(QUICKJOB))
			.willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Device not found\"}")));

		assertThatExceptionOfType(VendorRejectedException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "k"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404))
			.withMessageContaining("Device not found");
		vendor.verify(1, com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlEqualTo(QUICKJOB)));
	}

	@Test
	void shouldRejectBadCredentialsWithoutNamingThem() {
		vendor.stubFor(post(urlEqualTo(TOKEN)).withRequestBody(containing("grant_type=password"))
			.willReturn(aResponse().withStatus(401)
				.withBody("{\"error\":\"unauthorized\",\"error_description\":\"Bad credentials for " + API_KEY + " / "
						+ API_SECRET + "\"}")));

		assertThatExceptionOfType(VendorRejectedException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
			.withMessageContaining("Bad credentials")
			.withMessageNotContaining(API_KEY)
			.withMessageNotContaining(API_SECRET);
		vendor.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
	}

	private static void token(String value, long expiresIn) {
		vendor.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson(tokenBody(value, expiresIn))));
	}

	private static String tokenBody(String value, long expiresIn) {
		return "{\"access_token\":\"" + value + "\",\"token_type\":\"bearer\",\"refresh_token\":\"r\",\"expires_in\":"
				+ expiresIn + ",\"scope\":\"default\",\"jti\":\"j\"}";
	}

	private static String quickJob() {
		return """
				{"job":{"id":1,"uid":"job-1","name":"Closeloop disk-cleanup","dateCreated":1732180000000,
				 "status":"active"},"jobComponents":[{"uid":"comp-cleanup","name":"Disk cleanup","variables":[]}]}""";
	}

	private static String job(String status) {
		return "{\"id\":1,\"uid\":\"job-1\",\"name\":\"Closeloop disk-cleanup\",\"dateCreated\":1732180000000,"
				+ "\"status\":\"" + status + "\"}";
	}

	private static String results(String componentStatus) {
		boolean ok = "Success".equals(componentStatus);
		return """
				{"jobUid":"job-1","deviceUid":"dev-ACME-WS-042","ranOn":1732180060000,"jobDeploymentStatus":"%s",
				 "componentResults":[{"componentUid":"comp-cleanup","componentName":"Disk cleanup",
				 "componentStatus":"%s","numberOfWarnings":0,"hasStdOut":%s,"hasStdErr":false}]}"""
			.formatted(ok ? "Success" : "Failure", componentStatus, ok);
	}

	private static String device() {
		return """
				{"id":42,"uid":"dev-ACME-WS-042","siteName":"Acme HQ","hostname":"ACME-WS-042",
				 "operatingSystem":"Microsoft Windows 11 Pro 22631","online":true,"lastSeen":1732180000000,
				 "rebootRequired":false,"intIpAddress":"10.0.0.42","deviceType":{"category":"Desktop","type":"Desktop"},"deviceClass":"device",
				 "patchManagement":{"patchStatus":"FullyPatched"},"antivirus":{"antivirusStatus":"RunningAndUpToDate"}}""";
	}

}
