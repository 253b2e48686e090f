package io.closeloop.workers.connector.ninjaone;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.DeviceRef;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.Verification;
import io.closeloop.workers.connector.http.HttpSettings;
import io.closeloop.workers.connector.http.OpenApiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** NinjaOne against a stub answering in its documented shapes. */
class NinjaOneRmmTests {

	private static final String CLIENT_ID = "ninja-client-7c1";

	private static final String CLIENT_SECRET = "ninja-secret-5f3e";

	private static final String REFRESH_TOKEN = "ninja-refresh-b9d2";

	private static final String TOKEN = "/ws/oauth/token";

	private static final String DEVICE = "/v2/device/1042";

	private static final String MARK = DEVICE + "/activities?pageSize=10";

	private static final String RUN = DEVICE + "/script/run";

	private static final String ACTIVITIES = DEVICE + "/activities?newerThan=9000&pageSize=200";

	private static final String RUN_ID = "1042:9000";

	@RegisterExtension
	static OpenApiStub vendor = OpenApiStub.of("openapi/ninjaone.yaml", TOKEN);

	private final AlertContext alert = alert("1042", "ACME-WS-042");

	private final NinjaOneRmm rmm = connector(null);

	@Test
	void shouldStartTheScriptAfterNotingTheNewestActivity() {
		token("token-a", 3600);
		mark();
		vendor.stubFor(post(urlEqualTo(RUN)).withHeader("Authorization", equalTo("Bearer token-a"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(
					equalToJson("{\"type\":\"SCRIPT\",\"id\":41,\"parameters\":\"-Drive C\",\"runAs\":\"system\"}"))
			.willReturn(noContent()));

		ScriptRun started = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(started.runId()).isEqualTo(RUN_ID);
		assertThat(started.status()).isEqualTo(ScriptRun.Status.RUNNING);
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
		vendor.verify(1, getRequestedFor(urlEqualTo(MARK)).withHeader("Authorization", equalTo("Bearer token-a")));
		// One token for both calls, from the client credentials grant with every scope.
		vendor.verify(1,
				postRequestedFor(urlEqualTo(TOKEN))
					.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
					.withRequestBody(equalTo("grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret="
							+ CLIENT_SECRET + "&scope=monitoring+management+control")));
	}

	@Test
	void shouldFollowTheRunThroughTheActivitiesOfItsSeries() {
		token("token-a", 3600);
		vendor.stubFor(get(urlEqualTo(ACTIVITIES)).inScenario("run")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(activities()))
			.willSetStateTo("requested"));
		vendor.stubFor(get(urlEqualTo(ACTIVITIES)).inScenario("run")
			.whenScenarioStateIs("requested")
			.willReturn(okJson(activities(activity(9001, "s-1", "ACTION", "START_REQUESTED", null, "Run Disk cleanup"),
					activity(9002, "c-9", "CONDITION", "TRIGGERED", null, "Disk space low"))))
			.willSetStateTo("done"));
		// Newest first, as NinjaOne lists them: a later run of another series must not
		// be taken for this one.
		vendor.stubFor(get(urlEqualTo(ACTIVITIES)).inScenario("run")
			.whenScenarioStateIs("done")
			.willReturn(okJson(activities(activity(9005, "s-2", "ACTION", "START_REQUESTED", null, "Run Other"),
					activity(9004, "s-1", "ACTION", "COMPLETED", "SUCCESS", "Disk cleanup freed 4.2 GB"),
					activity(9002, "c-9", "CONDITION", "TRIGGERED", null, "Disk space low"),
					activity(9001, "s-1", "ACTION", "START_REQUESTED", null, "Run Disk cleanup")))));

		ScriptRun nothingYet = this.rmm.scriptRun("acme", RUN_ID);
		ScriptRun requested = this.rmm.scriptRun("acme", RUN_ID);
		ScriptRun done = this.rmm.scriptRun("acme", RUN_ID);

		assertThat(nothingYet.status()).isEqualTo(ScriptRun.Status.RUNNING);
		assertThat(requested.status()).isEqualTo(ScriptRun.Status.RUNNING);
		assertThat(requested.output()).isEqualTo("Run Disk cleanup");
		assertThat(done.status()).isEqualTo(ScriptRun.Status.SUCCEEDED);
		assertThat(done.output()).isEqualTo("Disk cleanup freed 4.2 GB");
		assertThat(done.runId()).isEqualTo(RUN_ID);
	}

	@Test
	void shouldReportAFailedActivityResultAsAFailedRun() {
		token("token-a", 3600);
		vendor.stubFor(get(urlEqualTo(ACTIVITIES)).willReturn(okJson(activities(
				activity(9003, "s-1", "SCRIPTING", "COMPLETED", "FAILURE", "Disk cleanup exited with code 2")))));

		ScriptRun run = this.rmm.scriptRun("acme", RUN_ID);

		assertThat(run.status()).isEqualTo(ScriptRun.Status.FAILED);
		assertThat(run.output()).isEqualTo("Disk cleanup exited with code 2 (FAILURE)");
	}

	@Test
	void shouldStartAScriptOnceForTheSameIdempotencyKey() {
		token("token-a", 3600);
		mark();
		vendor.stubFor(post(urlEqualTo(RUN)).willReturn(noContent()));

		ScriptRun first = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");
		ScriptRun again = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(again).isEqualTo(first);
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldVerifyByRunningTheCheckScriptUntilItCompletes() {
		token("token-a", 3600);
		mark();
		vendor.stubFor(post(urlEqualTo(RUN))
			.withRequestBody(equalToJson("{\"type\":\"SCRIPT\",\"id\":42,\"runAs\":\"system\"}"))
			.willReturn(noContent()));
		vendor.stubFor(get(urlEqualTo(ACTIVITIES)).inScenario("check")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(activities(activity(9001, "s-7", "ACTION", "IN_PROCESS", null, "Checking"))))
			.willSetStateTo("done"));
		vendor.stubFor(get(urlEqualTo(ACTIVITIES)).inScenario("check")
			.whenScenarioStateIs("done")
			.willReturn(okJson(activities(activity(9002, "s-7", "ACTION", "COMPLETED", "SUCCESS", "31.5% free")))));

		Verification verification = this.rmm.verify(this.alert, "disk-free-above-threshold");

		assertThat(verification.passed()).isTrue();
		assertThat(verification.evidence()).isEqualTo("31.5% free");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldReadDeviceFacts() {
		token("token-a", 3600);
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device())));

		DeviceFacts facts = this.rmm.deviceFacts(this.alert);

		assertThat(facts.deviceId()).isEqualTo("1042");
		assertThat(facts.hostname()).isEqualTo("ACME-WS-042");
		assertThat(facts.online()).isTrue();
		assertThat(facts.os()).isEqualTo("Windows 11 Professional Edition");
		assertThat(facts.lastSeen()).isEqualTo("2024-11-21T09:06:40.500Z");
		assertThat(facts.details()).containsEntry("nodeClass", "WINDOWS_WORKSTATION")
			.containsEntry("organizationId", "3")
			.containsEntry("displayName", "Reception PC");
	}

	@Test
	void shouldReadTheGuestOsOfAVirtualMachine() {
		token("token-a", 3600);
		vendor.stubFor(get(urlEqualTo("/v2/device/2210")).willReturn(okJson("""
				{"id":2210,"parentDeviceId":2201,"organizationId":3,"nodeClass":"VMWARE_VM_GUEST",
				 "deviceType":"VMGuest","offline":true,"displayName":"globex-sql-vm","systemName":"GLOBEX-SQL-VM",
				 "lastContact":1732170000.0,"guestOSFullName":"Microsoft Windows Server 2022 (64-bit)",
				 "guestOSFamily":"windowsGuest","powerState":"POWERED_ON"}""")));

		DeviceFacts facts = this.rmm.deviceFacts(alert("2210", "GLOBEX-SQL-VM"));

		assertThat(facts.os()).isEqualTo("Microsoft Windows Server 2022 (64-bit)");
		assertThat(facts.online()).isFalse();
		assertThat(facts.details()).containsEntry("nodeClass", "VMWARE_VM_GUEST")
			.containsEntry("deviceType", "VMGuest");
	}

	@Test
	void shouldNameNoOsForADeviceKindThatCarriesNone() {
		token("token-a", 3600);
		vendor.stubFor(get(urlEqualTo("/v2/device/88")).willReturn(okJson("""
				{"id":88,"organizationId":3,"nodeClass":"VMWARE_VM_HOST","deviceType":"VMHost","offline":false,
				 "systemName":"esx-02.initech.lan","lastContact":1732180000.0}""")));

		DeviceFacts facts = this.rmm.deviceFacts(alert("88", "esx-02"));

		assertThat(facts.os()).isNull();
		assertThat(facts.hostname()).isEqualTo("esx-02.initech.lan");
	}

	@Test
	void shouldRefuseADeviceIdThatIsNotNinjaOnes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.rmm.deviceFacts(alert("dev-ACME-WS-042", "ACME-WS-042")))
			.withMessageContaining("names device 'dev-ACME-WS-042', not a NinjaOne device id");
		vendor.verify(0, getRequestedFor(urlEqualTo(DEVICE)));
	}

	@Test
	void shouldTakeTheNewestIdOnTheMarkPageWhateverItsOrder() {
		token("token-a", 3600);
		// A full page of ten, not newest first, and no lastActivityId: the mark is still
		// the newest activity, so no earlier activity is taken for the run.
		StringBuilder page = new StringBuilder();
		for (long id : new long[] { 9311, 9320, 9302, 9315, 9319, 9304, 9317, 9309, 9313, 9306 }) {
			page.append((page.length() > 0) ? "," : "")
				.append(activity(id, "s-" + id, "ACTION", "COMPLETED", "SUCCESS", "Earlier run"));
		}
		vendor.stubFor(get(urlEqualTo(MARK)).willReturn(okJson("{\"activities\":[" + page + "]}")));
		vendor.stubFor(post(urlEqualTo(RUN)).willReturn(noContent()));
		String polled = DEVICE + "/activities?newerThan=9320&pageSize=200";
		vendor.stubFor(get(urlEqualTo(polled)).willReturn(
				okJson(activities(activity(9322, "s-ours", "SCRIPTING", "COMPLETED", "SUCCESS", "Cleaned 3.1 GB"),
						activity(9321, "s-ours", "SCRIPTING", "START_REQUESTED", null, "Run Disk cleanup")))));

		ScriptRun started = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");
		ScriptRun done = this.rmm.scriptRun("acme", started.runId());

		assertThat(started.runId()).isEqualTo("1042:9320");
		assertThat(done.status()).isEqualTo(ScriptRun.Status.SUCCEEDED);
		assertThat(done.output()).isEqualTo("Cleaned 3.1 GB");
	}

	@Test
	void shouldUseTheRefreshTokenGrantAndKeepTheNewestRefreshToken() {
		NinjaOneRmm userContext = connector(REFRESH_TOKEN);
		// Expires in 60 s, inside the 5 minutes before expiry when it is replaced.
		vendor.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson(
				"{\"access_token\":\"token-u\",\"token_type\":\"Bearer\",\"expires_in\":60,\"scope\":\"monitoring management control offline_access\",\"refresh_token\":\"ninja-refresh-next\"}")));
		vendor.stubFor(get(urlEqualTo(DEVICE)).withHeader("Authorization", equalTo("Bearer token-u"))
			.willReturn(okJson(device())));

		userContext.deviceFacts(this.alert);
		userContext.deviceFacts(this.alert);

		vendor.verify(1,
				postRequestedFor(urlEqualTo(TOKEN)).withRequestBody(equalTo("grant_type=refresh_token&client_id="
						+ CLIENT_ID + "&client_secret=" + CLIENT_SECRET + "&refresh_token=" + REFRESH_TOKEN)));
		vendor.verify(1,
				postRequestedFor(urlEqualTo(TOKEN)).withRequestBody(equalTo("grant_type=refresh_token&client_id="
						+ CLIENT_ID + "&client_secret=" + CLIENT_SECRET + "&refresh_token=ninja-refresh-next")));
	}

	@Test
	void shouldFetchANewTokenOnceWhenTheApiRejectsTheCachedOne() {
		vendor.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(tokenBody("token-old", 3600)))
			.willSetStateTo("renewed"));
		vendor.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens")
			.whenScenarioStateIs("renewed")
			.willReturn(okJson(tokenBody("token-new", 3600))));
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
		token("token-short", 60);
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device())));

		this.rmm.deviceFacts(this.alert);
		this.rmm.deviceFacts(this.alert);

		vendor.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
	}

	@Test
	void shouldWaitAsLongAsRetryAfterAsksOnA429() {
		token("token-a", 3600);
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
		token("token-a", 3600);
		vendor.stubFor(get(urlEqualTo(ACTIVITIES)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		vendor.stubFor(get(urlEqualTo(ACTIVITIES)).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson(activities(activity(9002, "s-1", "ACTION", "COMPLETED", "SUCCESS", "done")))));

		assertThat(this.rmm.scriptRun("acme", RUN_ID).status()).isEqualTo(ScriptRun.Status.SUCCEEDED);
		vendor.verify(2, getRequestedFor(urlEqualTo(ACTIVITIES)));
	}

	@Test
	void shouldNotStartAScriptAgainAfterA5xx() {
		token("token-a", 3600);
		mark();
		vendor.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.withMessageContaining("NinjaOne run-script failed after 1 attempt(s)")
			.withMessageContaining("HTTP 502");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldNotStartAScriptAgainAfterATimeout() {
		token("token-a", 3600);
		mark();
		vendor.stubFor(post(urlEqualTo(RUN)).willReturn(noContent().withFixedDelay(1000)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.withMessageContaining("no answer within");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldFailWithAConnectorExceptionAfterEveryAttemptTimedOut() {
		token("token-a", 3600);
		vendor.stubFor(get(urlEqualTo(DEVICE)).willReturn(okJson(device()).withFixedDelay(1000)));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.withMessageContaining("NinjaOne device-facts failed after 3 attempt(s)");
		vendor.verify(3, getRequestedFor(urlEqualTo(DEVICE)));
	}

	@Test
	void shouldReportMalformedJsonAsAConnectorException() {
		token("token-a", 3600);
		vendor.stubFor(
				get(urlEqualTo(ACTIVITIES)).willReturn(aResponse().withStatus(200).withBody("<html>gateway</html>")));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.scriptRun("acme", RUN_ID))
			.withMessageContaining("NinjaOne script-status answered with malformed JSON");
	}

	@Test
	void shouldRejectAScriptRunWithoutUserContextWithoutRetrying() {
		token("token-a", 3600);
		mark();
		vendor.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withStatus(403)
			.withBody("{\"error\":\"user_context_required\",\"error_description\":\"Access key does not have user "
					+ "context which is required for this request\",\"error_code\":5}")));

		assertThatExceptionOfType(VendorRejectedException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403))
			.withMessageContaining("user_context_required");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldRejectBadCredentialsWithoutNamingThem() {
		vendor.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(401)
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad client secret " + CLIENT_SECRET
					+ "\"}")));

		assertThatExceptionOfType(VendorRejectedException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
			.withMessageContaining("invalid_client")
			.withMessageNotContaining(CLIENT_SECRET);
		vendor.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
	}

	@Test
	void shouldRejectARefreshTokenWithoutNamingIt() {
		NinjaOneRmm userContext = connector(REFRESH_TOKEN);
		vendor.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Unknown refresh token " + REFRESH_TOKEN
					+ "\"}")));

		assertThatExceptionOfType(VendorRejectedException.class).isThrownBy(() -> userContext.deviceFacts(this.alert))
			.withMessageContaining("invalid_grant")
			.withMessageNotContaining(REFRESH_TOKEN)
			.withMessageNotContaining(CLIENT_SECRET);
	}

	@Test
	void shouldAnswerARunIdItDidNotMakeAsFailed() {
		assertThat(this.rmm.scriptRun("acme", "job-1").status()).isEqualTo(ScriptRun.Status.FAILED);
		vendor.verify(0, getRequestedFor(urlEqualTo(ACTIVITIES)));
	}

	@Test
	void shouldNameTheRegionsApiHost() {
		NinjaOneRmmProperties properties = new NinjaOneRmmProperties("EU", null, CLIENT_ID, new Secret(CLIENT_SECRET),
				null, "monitoring", null, null, null, "system", null, Duration.ofMinutes(5), Duration.ofSeconds(5),
				Duration.ofMinutes(1), http(), null);

		assertThat(properties.url()).isEqualTo(URI.create("https://eu.ninjarmm.com"));
		assertThat(properties.scriptActivityTypes()).containsExactly("ACTION", "SCRIPTING");
		assertThat(properties.toString()).contains("clientSecret=****").doesNotContain(CLIENT_SECRET);
	}

	@Test
	void shouldRefuseAnUnknownRegion() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NinjaOneRmmProperties("mars", null, CLIENT_ID, new Secret(CLIENT_SECRET), null,
					"monitoring", null, null, null, "system", null, Duration.ofMinutes(5), Duration.ofSeconds(5),
					Duration.ofMinutes(1), http(), null))
			.withMessageContaining("closeloop.rmm.ninjaone.region must be one of [app, ca, eu, oc, us2]");
	}

	private static NinjaOneRmm connector(String refreshToken) {
		return NinjaOneRmm.create(new NinjaOneRmmProperties(null, URI.create(vendor.baseUrl()), CLIENT_ID,
				new Secret(CLIENT_SECRET), new Secret(refreshToken), "monitoring management control",
				Map.of("disk-cleanup", 41), Map.of("disk-free-above-threshold", 42), Map.of("disk-cleanup", "-Drive C"),
				"system", List.of("ACTION", "SCRIPTING"), Duration.ofMinutes(5), Duration.ofMillis(20),
				Duration.ofSeconds(2), http(), Map.of("acme", 7)), new ObjectMapper(), Clock.systemUTC());
	}

	private static AlertContext alert(String deviceId, String hostname) {
		return new AlertContext(7, "acme", "disk.space.low", "warning", "C: free space 4%",
				new DeviceRef(deviceId, hostname, "Windows 11", "workstation"), Map.of("diskFreePct", 4.0));
	}

	private static HttpSettings http() {
		return new HttpSettings(Duration.ofSeconds(1), Duration.ofMillis(500), 3, Duration.ofMillis(50),
				Duration.ofSeconds(2));
	}

	private static void token(String value, long expiresIn) {
		vendor.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson(tokenBody(value, expiresIn))));
	}

	private static String tokenBody(String value, long expiresIn) {
		return "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
				+ ",\"scope\":\"monitoring management control\"}";
	}

	/** The newest activity before a run: account-wide and for the device. */
	private static void mark() {
		vendor.stubFor(get(urlEqualTo(MARK))
			.willReturn(okJson("{\"lastActivityId\":9000,\"lastNodeActivityId\":8990," + "\"activities\":["
					+ activity(8990, "c-9", "CONDITION", "TRIGGERED", null, "Disk space low") + "]}")));
	}

	private static String activities(String... activities) {
		return "{\"lastActivityId\":9100,\"activities\":[" + String.join(",", activities) + "]}";
	}

	private static String activity(long id, String series, String type, String statusCode, String result,
			String message) {
		return """
				{"id":%d,"activityTime":1732180000.25,"deviceId":42,"severity":"NONE","priority":"NONE",
				 "seriesUid":"%s","activityType":"%s","statusCode":"%s","status":"%s",%s
				 "sourceName":"Disk cleanup","subject":"Run script","message":"%s","type":"Action"}""".formatted(id,
				series, type, statusCode, statusCode, (result != null) ? "\"activityResult\":\"" + result + "\"," : "",
				message);
	}

	private static String device() {
		return """
				{"id":42,"organizationId":3,"locationId":7,"nodeClass":"WINDOWS_WORKSTATION","nodeRoleId":1,
				 "approvalStatus":"APPROVED","offline":false,"displayName":"Reception PC","systemName":"ACME-WS-042",
				 "dnsName":"acme-ws-042.acme.local","created":1700000000.0,"lastContact":1732180000.5,
				 "lastUpdate":1732180000.0,"publicIP":"203.0.113.9","ipAddresses":["10.0.0.42"],
				 "os":{"manufacturer":"Microsoft Corporation","name":"Windows 11 Professional Edition"}}""";
	}

}
