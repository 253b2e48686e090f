package io.closeloop.workers.connector.tactical;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Tactical RMM against a stub answering in its documented shapes. */
class TacticalRmmTests {

	private static final String API_KEY = "trmm-secret-key-4711";

	private static final String AGENT = "/agents/dev-ACME-WS-042/";

	private static final String RUN = AGENT + "runscript/";

	private static final String HISTORY = AGENT + "history/";

	@RegisterExtension
	static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

	private TacticalRmm rmm;

	@BeforeEach
	void connector() {
		HttpSettings http = new HttpSettings(Duration.ofMillis(500), Duration.ofMillis(300), 3, Duration.ofMillis(50),
				Duration.ofSeconds(2));
		TacticalRmmProperties properties = new TacticalRmmProperties(URI.create(vendor.baseUrl()), new Secret(API_KEY),
				Duration.ofSeconds(1), Map.of("disk-cleanup", 12), Map.of("disk-free-above-threshold", 13), http,
				Map.of("acme", 3));
		this.rmm = TacticalRmm.create(properties, new ObjectMapper(), Clock.systemUTC());
	}

	@Test
	void shouldRunAScriptAndAnswerItsRunFromTheAgentsHistory() {
		vendor.stubFor(post(urlEqualTo(RUN)).withHeader("X-API-KEY", equalTo(API_KEY))
			.withRequestBody(equalToJson("{\"script\":12,\"output\":\"wait\",\"args\":[],\"timeout\":1,"
					+ "\"run_as_user\":false,\"env_vars\":[]}"))
			.willReturn(okJson("\"Freed 4.2 GB\\n\"")));
		vendor.stubFor(get(urlEqualTo(HISTORY)).willReturn(okJson(history(12, 0, "Freed 4.2 GB"))));

		ScriptRun run = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7-run-script");

		assertThat(run.status()).isEqualTo(ScriptRun.Status.SUCCEEDED);
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).isEqualTo("Freed 4.2 GB");
		assertThat(this.rmm.scriptRun("acme", run.runId())).isEqualTo(run);
		// The same key answers the same run: the script is not started twice.
		assertThat(this.rmm.runScript(this.alert, "disk-cleanup", "alert-7-run-script")).isEqualTo(run);
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldReportAScriptThatExitedNonZeroAsFailed() {
		vendor.stubFor(post(urlEqualTo(RUN)).willReturn(okJson("\"Access is denied.\"")));
		vendor.stubFor(get(urlEqualTo(HISTORY)).willReturn(okJson(history(12, 1, "Access is denied."))));

		ScriptRun run = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7-run-script");

		assertThat(run.status()).isEqualTo(ScriptRun.Status.FAILED);
		assertThat(run.exitCode()).isEqualTo(1);
	}

	@Test
	void shouldVerifyByTheCheckScriptsExitCode() {
		vendor.stubFor(post(urlEqualTo(RUN)).withRequestBody(equalToJson("{\"script\":13}", true, true))
			.willReturn(okJson("\"31.5% free\"")));
		vendor.stubFor(get(urlEqualTo(HISTORY)).willReturn(okJson(history(13, 0, "31.5% free"))));

		Verification verification = this.rmm.verify(this.alert, "disk-free-above-threshold");

		assertThat(verification.passed()).isTrue();
		assertThat(verification.evidence()).isEqualTo("exit 0: 31.5% free");
	}

	@Test
	void shouldReadDeviceFactsFromTheAgent() {
		vendor.stubFor(get(urlEqualTo(AGENT)).willReturn(okJson(agent())));

		DeviceFacts facts = this.rmm.deviceFacts(this.alert);

		assertThat(facts.deviceId()).isEqualTo("dev-ACME-WS-042");
		assertThat(facts.hostname()).isEqualTo("ACME-WS-042");
		assertThat(facts.online()).isTrue();
		assertThat(facts.os()).isEqualTo("Windows 11 Pro, 64 bit v23H2 (build 22631.3296)");
		assertThat(facts.details()).containsEntry("client_name", "Acme").containsEntry("needs_reboot", "false");
	}

	@Test
	void shouldWaitAsLongAsRetryAfterAsksOnA429() {
		vendor.stubFor(get(urlEqualTo(AGENT)).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("allowed"));
		vendor.stubFor(get(urlEqualTo(AGENT)).inScenario("limited")
			.whenScenarioStateIs("allowed")
			.willReturn(okJson(agent())));

		long started = System.nanoTime();
		DeviceFacts facts = this.rmm.deviceFacts(this.alert);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(facts.hostname()).isEqualTo("ACME-WS-042");
		vendor.verify(2, getRequestedFor(urlEqualTo(AGENT)));
	}

	@Test
	void shouldGiveUpAtOnceWhenRetryAfterIsLongerThanTheCap() {
		vendor.stubFor(get(urlEqualTo(AGENT)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.withMessageContaining("HTTP 429")
			.withMessageContaining("PT10M");
		vendor.verify(1, getRequestedFor(urlEqualTo(AGENT)));
	}

	@Test
	void shouldRetryA5xxUntilItSucceeds() {
		vendor.stubFor(get(urlEqualTo(AGENT)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502).withBody("Bad Gateway"))
			.willSetStateTo("up"));
		vendor
			.stubFor(get(urlEqualTo(AGENT)).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(agent())));

		assertThat(this.rmm.deviceFacts(this.alert).online()).isTrue();
		vendor.verify(2, getRequestedFor(urlEqualTo(AGENT)));
	}

	@Test
	void shouldFailWithAConnectorExceptionAfterEveryAttemptTimedOut() {
		vendor.stubFor(get(urlEqualTo(AGENT)).willReturn(okJson(agent()).withFixedDelay(1000)));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.withMessageContaining("Tactical RMM device-facts failed after 3 attempt(s)")
			.withMessageContaining("no answer within PT0.3S");
		vendor.verify(3, getRequestedFor(urlEqualTo(AGENT)));
	}

	@Test
	void shouldNotStartAScriptAgainWhenTheAnswerTimedOut() {
		// The script may be running: a second request could run it twice.
		vendor.stubFor(post(urlEqualTo(RUN)).willReturn(okJson("\"done\"").withFixedDelay(2000)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7-run-script"))
			.withMessageContaining("failed after 1 attempt(s)");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldReportMalformedJsonAsAConnectorException() {
		vendor.stubFor(get(urlEqualTo(AGENT)).willReturn(okJson("{\"hostname\": \"ACME-WS-042\", ")));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.withMessageContaining("malformed JSON");
	}

	@Test
	void shouldRejectAnUnknownAgentWithoutRetrying() {
		vendor.stubFor(get(urlEqualTo(AGENT))
			.willReturn(aResponse().withStatus(404).withBody("{\"detail\":\"No Agent matches the given query.\"}")));

		assertThatExceptionOfType(VendorRejectedException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404))
			.withMessageContaining("Tactical RMM rejected device-facts with HTTP 404")
			.withMessageContaining("No Agent matches");
		vendor.verify(1, getRequestedFor(urlEqualTo(AGENT)));
	}

	@Test
	void shouldNeverPutTheApiKeyInAnExceptionMessage() {
		vendor.stubFor(get(urlEqualTo(AGENT))
			.willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"Invalid token " + API_KEY + "\"}")));
		vendor.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withStatus(500).withBody("key=" + API_KEY)));

		Throwable rejected = catchThrowable(() -> this.rmm.deviceFacts(this.alert));
		Throwable outage = catchThrowable(() -> this.rmm.runScript(this.alert, "disk-cleanup", "k"));

		assertThat(rejected).isInstanceOf(VendorRejectedException.class).hasMessageContaining("****");
		assertThat(outage).isInstanceOf(ConnectorException.class).hasMessageContaining("****");
		assertThat(rejected.getMessage() + outage.getMessage()).doesNotContain(API_KEY);
	}

	@Test
	void shouldNameTheMissingKeyForAnUnmappedScript() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "scheduled-reboot", "k"))
			.withMessageContaining("closeloop.rmm.tactical.scripts.scheduled-reboot");
	}

	private static String agent() {
		return """
				{"agent_id":"dev-ACME-WS-042","hostname":"ACME-WS-042","status":"online",
				 "operating_system":"Windows 11 Pro, 64 bit v23H2 (build 22631.3296)","plat":"windows",
				 "monitoring_type":"workstation","client_name":"Acme","site_name":"HQ","needs_reboot":false,
				 "logged_in_username":"jdoe","public_ip":"203.0.113.7","boot_time":1732180000.0,"version":"2.8.0"}""";
	}

	private static String history(int scriptPk, int retcode, String stdout) {
		return """
				[{"id":41,"type":"script_run","script":%1$d,"script_results":{"id":41,"stdout":"old","stderr":"",
				   "retcode":0,"execution_time":"1.0"}},
				 {"id":42,"type":"cmd_run","command":"dir","script":null,"script_results":null},
				 {"id":43,"type":"script_run","script":%1$d,"script_results":{"id":43,"stdout":"%3$s","stderr":"",
				   "retcode":%2$d,"execution_time":"2.1031"}}]""".formatted(scriptPk, retcode, stdout);
	}

}
