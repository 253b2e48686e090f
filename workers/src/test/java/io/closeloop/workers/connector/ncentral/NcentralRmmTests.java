package io.closeloop.workers.connector.ncentral;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.DeviceRef;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.Verification;
import io.closeloop.workers.connector.http.HttpSettings;
import io.closeloop.workers.connector.http.OpenApiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** N-central against a stub answering in its documented shapes. */
class NcentralRmmTests {

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.ncentral-user-api-7d41.c2lnbmF0dXJl";

	private static final String AUTHENTICATE = "/api/auth/authenticate";

	private static final String REFRESH = "/api/auth/refresh";

	private static final String DIRECT = "/api/scheduled-tasks/direct";

	private static final String STATUS = "/api/scheduled-tasks/1985975/status";

	private static final String DETAILS = STATUS + "/details";

	private static final String DEVICE = "/api/devices/987654321";

	private static final Instant NOW = Instant.parse("2024-11-21T09:10:00Z");

	@RegisterExtension
	static OpenApiStub vendor = OpenApiStub.of("openapi/ncentral.yaml");

	private final AlertContext alert = alert("acme");

	private final NcentralRmm rmm = NcentralRmm.create(properties(URI.create(vendor.baseUrl()), JWT),
			new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void shouldStartADirectTaskNamedForTheKey() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(post(urlEqualTo(DIRECT)).withHeader("Authorization", equalTo("Bearer access-1"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"name":"Closeloop disk-cleanup [alert-7:run-script]","itemId":1001,"taskType":"Script",
					 "customerId":100,"deviceId":987654321,"credential":{"type":"LocalSystem"},"parameters":[]}"""))
			.willReturn(created()));

		ScriptRun started = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(started.runId()).isEqualTo("1985975");
		assertThat(started.status()).isEqualTo(ScriptRun.Status.RUNNING);
		vendor.verify(1, postRequestedFor(urlEqualTo(DIRECT)));
		// The User-API Token is exchanged once, and only on the authenticate call.
		vendor.verify(1,
				postRequestedFor(urlEqualTo(AUTHENTICATE)).withHeader("Authorization", equalTo("Bearer " + JWT)));
		vendor.verify(0, postRequestedFor(urlEqualTo(DIRECT)).withHeader("Authorization", equalTo("Bearer " + JWT)));
	}

	@Test
	void shouldReadTheStatusUntilTheTaskEndsThenItsDetails() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(get(urlEqualTo(STATUS)).inScenario("task")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(status("\"In Pending\":1")))
			.willSetStateTo("done"));
		vendor.stubFor(get(urlEqualTo(STATUS)).inScenario("task")
			.whenScenarioStateIs("done")
			.willReturn(okJson(status("\"Completed\":1"))));
		vendor.stubFor(get(urlEqualTo(DETAILS)).withHeader("Authorization", equalTo("Bearer access-1"))
			.willReturn(okJson(details("Completed", "Freed 4.2 GB", "Successful execution on remote device."))));

		ScriptRun running = this.rmm.scriptRun("acme", "1985975");
		ScriptRun done = this.rmm.scriptRun("acme", "1985975");

		assertThat(running.status()).isEqualTo(ScriptRun.Status.RUNNING);
		assertThat(running.output()).isEqualTo("In Pending 1");
		assertThat(done.status()).isEqualTo(ScriptRun.Status.SUCCEEDED);
		assertThat(done.output()).isEqualTo("Freed 4.2 GB\nSuccessful execution on remote device.");
		// Details only once the task has ended.
		vendor.verify(1, getRequestedFor(urlEqualTo(DETAILS)));
	}

	@Test
	void shouldReportAFailedTaskAsAFailedRun() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(get(urlEqualTo(STATUS)).willReturn(okJson(status("\"Failed\":1"))));
		vendor.stubFor(get(urlEqualTo(DETAILS))
			.willReturn(okJson(details("Failed", "", "Script exited with code 2 on remote device."))));

		ScriptRun run = this.rmm.scriptRun("acme", "1985975");

		assertThat(run.status()).isEqualTo(ScriptRun.Status.FAILED);
		assertThat(run.output()).isEqualTo("Script exited with code 2 on remote device.");
	}

	@Test
	void shouldTakeATaskWithoutStatusYetAsRunning() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(get(urlEqualTo(STATUS)).willReturn(okJson(status(""))));

		ScriptRun run = this.rmm.scriptRun("acme", "1985975");

		assertThat(run.status()).isEqualTo(ScriptRun.Status.RUNNING);
		vendor.verify(0, getRequestedFor(urlEqualTo(DETAILS)));
	}

	@Test
	void shouldVerifyByRunningTheCheckTaskUntilItEnds() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(post(urlEqualTo(DIRECT)).withRequestBody(equalToJson("""
				{"name":"Closeloop check disk-free-above-threshold [alert-7 1732180200000]","itemId":1002,
				 "taskType":"Script","customerId":100,"deviceId":987654321,"credential":{"type":"LocalSystem"},
				 "parameters":[]}""")).willReturn(created()));
		vendor.stubFor(get(urlEqualTo(STATUS)).inScenario("check")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(status("\"In Progress\":1")))
			.willSetStateTo("done"));
		vendor.stubFor(get(urlEqualTo(STATUS)).inScenario("check")
			.whenScenarioStateIs("done")
			.willReturn(okJson(status("\"Completed\":1"))));
		vendor.stubFor(get(urlEqualTo(DETAILS)).willReturn(okJson(details("Success", "31.5% free", ""))));

		Verification verification = this.rmm.verify(this.alert, "disk-free-above-threshold");

		assertThat(verification.passed()).isTrue();
		assertThat(verification.evidence()).isEqualTo("31.5% free");
		vendor.verify(1, postRequestedFor(urlEqualTo(DIRECT)));
	}

	@Test
	void shouldReadDeviceFacts() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device())));

		DeviceFacts facts = this.rmm.deviceFacts(this.alert);

		assertThat(facts.deviceId()).isEqualTo("987654321");
		assertThat(facts.hostname()).isEqualTo("ACME-WS-042");
		assertThat(facts.os()).isEqualTo("Microsoft Windows 11 Pro x64 Edition");
		assertThat(facts.lastSeen()).isEqualTo("2024-11-21T09:06:40Z");
		// Checked in 3 minutes before now, within the 30 minutes that count as online.
		assertThat(facts.online()).isTrue();
		assertThat(facts.details()).containsEntry("deviceClass", "Workstations - Windows")
			.containsEntry("customerName", "Acme")
			.containsEntry("siteName", "Acme HQ");
	}

	@Test
	void shouldRenewAnExpiredAccessTokenWithTheRefreshToken() {
		// Expires in 60 s, inside the 5 minutes before expiry when it is replaced.
		authenticate("access-1", 60, "refresh-1", 90000);
		vendor.stubFor(post(urlEqualTo(REFRESH)).withHeader("Content-Type", equalTo("text/plain"))
			.withHeader("Authorization", absent())
			.withRequestBody(equalTo("refresh-1"))
			.willReturn(okJson(tokens("access-2", 3600, "refresh-2", 90000))));
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device())));

		this.rmm.deviceFacts(this.alert);
		this.rmm.deviceFacts(this.alert);

		vendor.verify(1, postRequestedFor(urlEqualTo(AUTHENTICATE)));
		vendor.verify(1, postRequestedFor(urlEqualTo(REFRESH)));
		vendor.verify(1, getRequestedFor(urlEqualTo(DEVICE)).withHeader("Authorization", equalTo("Bearer access-1")));
		vendor.verify(1, getRequestedFor(urlEqualTo(DEVICE)).withHeader("Authorization", equalTo("Bearer access-2")));
	}

	@Test
	void shouldAuthenticateAgainWithTheUserApiTokenWhenTheRefreshIsRejected() {
		vendor.stubFor(post(urlEqualTo(AUTHENTICATE)).inScenario("auth")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(tokens("access-1", 60, "refresh-1", 90000)))
			.willSetStateTo("again"));
		vendor.stubFor(post(urlEqualTo(AUTHENTICATE)).inScenario("auth")
			.whenScenarioStateIs("again")
			.willReturn(okJson(tokens("access-3", 3600, "refresh-3", 90000))));
		vendor.stubFor(post(urlEqualTo(REFRESH)).willReturn(aResponse().withStatus(401)
			.withBody("{\"status\":401,\"message\":\"[ID=ab12] UNAUTHORIZED: The refresh token has expired.\"}")));
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device())));

		this.rmm.deviceFacts(this.alert);
		this.rmm.deviceFacts(this.alert);

		vendor.verify(1, postRequestedFor(urlEqualTo(REFRESH)).withRequestBody(equalTo("refresh-1")));
		vendor.verify(2,
				postRequestedFor(urlEqualTo(AUTHENTICATE)).withHeader("Authorization", equalTo("Bearer " + JWT)));
		vendor.verify(1, getRequestedFor(urlEqualTo(DEVICE)).withHeader("Authorization", equalTo("Bearer access-3")));
	}

	@Test
	void shouldRenewTheAccessTokenOnceWhenTheApiRejectsIt() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(post(urlEqualTo(REFRESH)).withRequestBody(equalTo("refresh-1"))
			.willReturn(okJson(tokens("access-2", 3600, "refresh-2", 90000))));
		vendor.stubFor(get(urlEqualTo(DEVICE)).withHeader("Authorization", equalTo("Bearer access-1"))
			.willReturn(aResponse().withStatus(401)
				.withBody("{\"status\":401,\"message\":\"[ID=ab12] UNAUTHORIZED: Token revoked.\"}")));
		vendor.stubFor(get(urlEqualTo(DEVICE)).withHeader("Authorization", equalTo("Bearer access-2"))
			.willReturn(okJson(device())));

		assertThat(this.rmm.deviceFacts(this.alert).hostname()).isEqualTo("ACME-WS-042");
		vendor.verify(2, getRequestedFor(urlEqualTo(DEVICE)));
		vendor.verify(1, postRequestedFor(urlEqualTo(REFRESH)));
		vendor.verify(1, postRequestedFor(urlEqualTo(AUTHENTICATE)));
	}

	@Test
	void shouldWaitAsLongAsRetryAfterAsksOnA429() {
		authenticate("access-1", 3600, "refresh-1", 90000);
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
	void shouldRetryA5xxOnAReadUntilItSucceeds() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(get(urlEqualTo(STATUS)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500)
				.withBody("{\"status\":500,\"message\":\"INTERNAL SERVER ERROR: UnexpectedDmsResponseException\"}"))
			.willSetStateTo("up"));
		vendor.stubFor(
				get(urlEqualTo(STATUS)).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(status(""))));

		assertThat(this.rmm.scriptRun("acme", "1985975").status()).isEqualTo(ScriptRun.Status.RUNNING);
		vendor.verify(2, getRequestedFor(urlEqualTo(STATUS)));
	}

	@Test
	void shouldNotStartATaskAgainAfterA5xx() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(post(urlEqualTo(DIRECT)).willReturn(aResponse().withStatus(500)
			.withBody("{\"status\":500,\"message\":\"INTERNAL SERVER ERROR: UnexpectedDmsResponseException\"}")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.withMessageContaining("N-central run-script failed after 1 attempt(s)")
			.withMessageContaining("HTTP 500");
		vendor.verify(1, postRequestedFor(urlEqualTo(DIRECT)));
	}

	@Test
	void shouldNotStartATaskAgainAfterATimeout() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(post(urlEqualTo(DIRECT)).willReturn(created().withFixedDelay(1000)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.withMessageContaining("no answer within");
		vendor.verify(1, postRequestedFor(urlEqualTo(DIRECT)));
	}

	@Test
	void shouldFailWithAConnectorExceptionAfterEveryAttemptTimedOut() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device()).withFixedDelay(1000)));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.withMessageContaining("N-central device-facts failed after 3 attempt(s)");
		vendor.verify(3, getRequestedFor(urlEqualTo(DEVICE)));
	}

	@Test
	void shouldReportMalformedJsonAsAConnectorException() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(get(urlEqualTo(STATUS)).willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>")));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.scriptRun("acme", "1985975"))
			.withMessageContaining("N-central script-status answered with malformed JSON");
	}

	@Test
	void shouldReportATokenAnswerWithoutAnAccessTokenAsAConnectorException() {
		vendor.stubFor(post(urlEqualTo(AUTHENTICATE))
			.willReturn(okJson("{\"refresh\":\"/api/auth/refresh\",\"validate\":\"/api/auth/validate\"}")));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.withMessageContaining("N-central authenticate answered without 'tokens'");
	}

	@Test
	void shouldRejectATaskNameAlreadyTakenWithoutRetrying() {
		authenticate("access-1", 3600, "refresh-1", 90000);
		vendor.stubFor(post(urlEqualTo(DIRECT)).willReturn(aResponse().withStatus(400)
			.withBody(
					"{\"status\":400,\"message\":\"[ID=ab12] BAD REQUEST: A task with this name already exists.\"}")));

		assertThatExceptionOfType(VendorRejectedException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400))
			.withMessageContaining("already exists");
		vendor.verify(1, postRequestedFor(urlEqualTo(DIRECT)));
	}

	@Test
	void shouldRejectABadUserApiTokenWithoutNamingIt() {
		vendor.stubFor(post(urlEqualTo(AUTHENTICATE)).willReturn(aResponse().withStatus(401)
			.withBody("{\"status\":401,\"message\":\"[ID=ab12] UNAUTHORIZED: Invalid token " + JWT + "\"}")));

		assertThatExceptionOfType(VendorRejectedException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
			.withMessageContaining("Invalid token")
			.withMessageNotContaining(JWT);
		vendor.verify(1, postRequestedFor(urlEqualTo(AUTHENTICATE)));
	}

	@Test
	void shouldRefuseATenantWithoutACustomer() {
		authenticate("access-1", 3600, "refresh-1", 90000);

		assertThatIllegalStateException()
			.isThrownBy(() -> this.rmm.runScript(alert("globex"), "disk-cleanup", "alert-7:run-script"))
			.withMessageContaining("set closeloop.rmm.ncentral.customers.globex");
		vendor.verify(0, postRequestedFor(urlEqualTo(DIRECT)));
	}

	@Test
	void shouldRefuseADeviceIdThatIsNotA32BitNumberBeforeCallingNcentral() {
		for (String deviceId : List.of("dev-ACME-WS-042", "4294967296")) {
			AlertContext elsewhere = new AlertContext(8, "acme", "disk.space.low", "warning", "D: free space 2%",
					new DeviceRef(deviceId, "INITECH-FS-01", "Windows Server 2019", "server"), Map.of());

			assertThatIllegalArgumentException().isThrownBy(() -> this.rmm.deviceFacts(elsewhere))
				.withMessageContaining("names device '" + deviceId + "', not an N-central device id");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.rmm.runScript(elsewhere, "disk-cleanup", "alert-8:run-script"))
				.withMessageContaining("not an N-central device id");
		}
		vendor.verify(0, postRequestedFor(urlEqualTo(DIRECT)));
	}

	@Test
	void shouldRefuseToStartWithoutTheUserApiTokenAndNeverShowIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(URI.create("https://nc.example.com"), " "))
			.withMessageContaining("closeloop.rmm.ncentral.user-api-token must be set");
		assertThat(properties(URI.create("https://nc.example.com"), JWT).toString()).contains("userApiToken=****")
			.doesNotContain(JWT);
	}

	private static NcentralRmmProperties properties(URI url, String userApiToken) {
		return new NcentralRmmProperties(url, new Secret(userApiToken), Map.of("acme", 100),
				Map.of("disk-cleanup", 1001), Map.of("disk-free-above-threshold", 1002), "Script", "LocalSystem",
				List.of("Success", "Completed"), List.of("Failed", "Error", "Cancelled"), Duration.ofMinutes(30),
				Duration.ofMinutes(5), Duration.ofMillis(20), Duration.ofSeconds(2),
				new HttpSettings(Duration.ofSeconds(1), Duration.ofMillis(500), 3, Duration.ofMillis(50),
						Duration.ofSeconds(2)));
	}

	private static AlertContext alert(String tenant) {
		return new AlertContext(7, tenant, "disk.space.low", "warning", "C: free space 4%",
				new DeviceRef("987654321", "ACME-WS-042", "Windows 11", "workstation"), Map.of("diskFreePct", 4.0));
	}

	private static void authenticate(String access, long accessExpiry, String refresh, long refreshExpiry) {
		vendor.stubFor(post(urlEqualTo(AUTHENTICATE)).withHeader("Authorization", equalTo("Bearer " + JWT))
			.willReturn(okJson(tokens(access, accessExpiry, refresh, refreshExpiry))));
	}

	private static String tokens(String access, long accessExpiry, String refresh, long refreshExpiry) {
		return """
				{"tokens":{"access":{"token":"%s","type":"Bearer","expirySeconds":%d},
				 "refresh":{"token":"%s","type":"Body","expirySeconds":%d}},
				 "refresh":"/api/auth/refresh","validate":"/api/auth/validate"}""".formatted(access, accessExpiry,
				refresh, refreshExpiry);
	}

	private static ResponseDefinitionBuilder created() {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"data\":{\"taskId\":1985975},\"_links\":{\"task\":\"/api/scheduled-tasks/1985975\"}}");
	}

	private static String status(String counts) {
		return "{\"data\":{\"taskName\":\"Closeloop disk-cleanup [alert-7:run-script]\",\"statusCounts\":{" + counts
				+ "}},\"_links\":{\"details\":\"/api/scheduled-tasks/1985975/status/details\"}}";
	}

	private static String details(String status, String output, String message) {
		return """
				{"data":[{"taskId":1985975,"deviceId":987654321,"deviceName":"ACME-WS-042",
				 "taskName":"Closeloop disk-cleanup [alert-7:run-script]","status":"%s","output":"%s",
				 "message":"%s"}],"totalItems":1}""".formatted(status, output, message);
	}

	private static String device() {
		return """
				{"data":{"deviceId":987654321,"uri":"10.0.0.42","remoteControlUri":"","sourceUri":"",
				 "longName":"ACME-WS-042","deviceClass":"Workstations - Windows","description":"",
				 "isProbe":false,"osId":"winnt","supportedOs":"Microsoft Windows 11 Pro x64 Edition",
				 "discoveredName":"ACME-WS-042","deviceClassLabel":"Workstations - Windows",
				 "supportedOsLabel":"Microsoft Windows 11 Pro x64 Edition","lastLoggedInUser":"ACME\\\\jdoe",
				 "stillLoggedIn":"true","licenseMode":"Professional","orgUnitId":120,"soId":50,"soName":"MSP",
				 "customerId":100,"customerName":"Acme","siteId":120,"siteName":"Acme HQ","applianceId":555,
				 "lastApplianceCheckinTime":"2024-11-21T10:06:40.000+01:00"},"_links":{}}""";
	}

}
