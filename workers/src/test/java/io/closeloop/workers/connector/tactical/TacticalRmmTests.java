package io.closeloop.workers.connector.tactical;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.OutcomeUnknownException;
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

/**
 * Tactical RMM against a stub that keeps Tactical's order of events: the history row is
 * written when a run is asked for, the agent answers, and only then does its result reach
 * the history. The history is listed in no particular order.
 */
class TacticalRmmTests {

	private static final String API_KEY = "trmm-secret-key-4711";

	private static final String AGENT_ID = "dev-ACME-WS-042";

	private static final String AGENT = "/agents/" + AGENT_ID + "/";

	private static final String RUN = AGENT + "runscript/";

	private static final String HISTORY = AGENT + "history/";

	private static final String TURNS = "history";

	@RegisterExtension
	static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AlertContext alert = TestAlerts.diskLow(7, "ACME-WS-042");

	private TacticalRmm rmm;

	@BeforeEach
	void connector() {
		this.rmm = connector(Duration.ofSeconds(60), Duration.ofSeconds(10));
	}

	@Test
	void shouldWaitForTheResultTheAgentWritesAfterItsAnswer() {
		// The stale run 41 of the same script stands in the history before and after.
		String before = history(run(41, 12, 0, "Freed 0.3 GB\n", ""), cmd(42));
		runInTurns("\"Freed 4.2 GB\\n\"", before,
				history(pending(43, 12), run(41, 12, 0, "Freed 0.3 GB\n", ""), cmd(42)),
				history(cmd(42), pending(43, 12), run(41, 12, 0, "Freed 0.3 GB\n", "")),
				history(run(41, 12, 0, "Freed 0.3 GB\n", ""), run(43, 12, 0, "Freed 4.2 GB\n", ""), cmd(42)));

		ScriptRun run = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(run).isEqualTo(new ScriptRun(AGENT_ID + "#43", ScriptRun.Status.SUCCEEDED, 0, "Freed 4.2 GB"));
		vendor.verify(postRequestedFor(urlEqualTo(RUN)).withHeader("X-API-KEY", equalTo(API_KEY))
			.withRequestBody(equalToJson("{\"script\":12,\"output\":\"wait\",\"args\":[],\"timeout\":60,"
					+ "\"run_as_user\":false,\"env_vars\":[]}")));
		// The marker is read before the run is asked for, and the history is read until
		// the result is there.
		List<String> requests = vendor.getAllServeEvents()
			.reversed()
			.stream()
			.map((event) -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
			.toList();
		int asked = requests.indexOf("POST " + RUN);
		assertThat(requests.subList(0, asked)).isNotEmpty().containsOnly("GET " + HISTORY);
		assertThat(requests.subList(asked + 1, requests.size())).hasSizeGreaterThanOrEqualTo(3)
			.containsOnly("GET " + HISTORY);
	}

	@Test
	void shouldReportTheExitCodeOfThisRunNotOfAnEarlierOneOfTheSameScript() {
		String earlier = run(88, 12, 0, "Freed 9.0 GB", "");
		runInTurns("\"Access is denied.\"", history(earlier), history(earlier, pending(90, 12)),
				history(run(90, 12, 5, "", "Access is denied."), earlier));

		ScriptRun run = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(run.status()).isEqualTo(ScriptRun.Status.FAILED);
		assertThat(run.exitCode()).isEqualTo(5);
		assertThat(run.output()).isEqualTo("Access is denied.");
	}

	@Test
	void shouldSortTheHistoryByIdWhateverOrderItIsListedIn() {
		// Listed newest first, and the script prints the same each time: the marker is
		// the highest id, not the last row listed.
		String newest = run(45, 12, 0, "Freed 0.9 GB", "");
		String older = run(44, 12, 0, "Freed 0.9 GB", "");
		runInTurns("\"Freed 0.9 GB\"", history(newest, older, cmd(41)),
				history(newest, cmd(41), run(46, 12, 1, "Freed 0.9 GB", ""), older));

		ScriptRun run = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(run.runId()).isEqualTo(AGENT_ID + "#46");
		assertThat(run.exitCode()).isEqualTo(1);
	}

	@Test
	void shouldTellThisRunFromOneSomeoneElseStartedAtTheSameMoment() {
		// Row 60 was asked for by a technician between the marker and this run's row.
		runInTurns("\"Freed 3.3 GB\\r\\n\"", history(cmd(59)),
				history(cmd(59), run(60, 12, 0, "Nothing to clean", ""), pending(61, 12)),
				history(cmd(59), run(60, 12, 0, "Nothing to clean", ""), run(61, 12, 0, "Freed 3.3 GB\r\n", "")));

		ScriptRun run = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(run.runId()).isEqualTo(AGENT_ID + "#61");
		assertThat(run.output()).isEqualTo("Freed 3.3 GB");
	}

	@Test
	void shouldReportAnUnknownOutcomeWhenNoResultEverReachesTheHistory() {
		String stale = run(17, 12, 0, "Freed 1.5 GB", "");
		runInTurns("\"Freed 1.5 GB\"", history(stale), history(stale));

		Throwable thrown = catchThrowable(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"));

		assertThat(thrown).isInstanceOf(OutcomeUnknownException.class)
			.hasMessageContaining("no result for it reached the agent's history within PT10S")
			.hasMessageContaining("no run of script 12 after history row 17");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
		assertThat(vendor.findAll(getRequestedFor(urlEqualTo(HISTORY)))).hasSizeGreaterThan(2);
		// Asked again under the same key, it is not started again.
		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.withMessage(thrown.getMessage());
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldReportAnUnknownOutcomeWhenTheRunsRowNeverGetsItsResult() {
		runInTurns("\"\"", history(), history(pending(3, 12)));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.withMessageContaining("its history row 3 has no result yet")
			.withMessageContaining("history row 3 of agent " + AGENT_ID);
	}

	@Test
	void shouldReportAnUnknownOutcomeWhenTheHistoryCannotBeReadAfterTheRun() {
		// The script ran; asking for it again because its result could not be read
		// would run it twice.
		vendor.stubFor(historyTurn(Scenario.STARTED, null).willReturn(okJson(history(cmd(4)))));
		vendor.stubFor(answered(okJson("\"Freed 2.2 GB\"")));
		vendor.stubFor(historyTurn("look-1", null).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.withMessageContaining("the history could not be read")
			.withMessageContaining("HTTP 502");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldReportAnAgentThatDidNotAnswerAsAFailedRun() {
		runInTurns("\"timeout\"", history(cmd(8)), history(cmd(8), pending(9, 12)));

		ScriptRun run = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(run.status()).isEqualTo(ScriptRun.Status.FAILED);
		assertThat(run.exitCode()).isNull();
		assertThat(run.output()).contains("did not answer within the script's timeout of 60 s", "\"timeout\"",
				"may have started");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldTakeTheResultAnAgentReportsAfterTacticalGaveUpWaiting() {
		// The agent kills a script at its timeout and reports exit 98 after Tactical's
		// wait ended.
		runInTurns("\"timeout\"", history(), history(pending(12, 12)),
				history(run(12, 12, 98, "", "Script timed out after 63 seconds")));

		ScriptRun run = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(run).isEqualTo(
				new ScriptRun(AGENT_ID + "#12", ScriptRun.Status.FAILED, 98, "Script timed out after 63 seconds"));
	}

	@Test
	void shouldLetARunBeTriedAgainWhenTacticalCouldNotReachNats() {
		runInTurns("\"natsdown\"", history(run(5, 12, 0, "old", "")), history(run(5, 12, 0, "old", "")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.isNotInstanceOf(OutcomeUnknownException.class)
			.withMessageContaining("\"natsdown\"")
			.withMessageContaining("trying again is safe");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldReportAnUnknownOutcomeWhenAnOfflineAgentGetsA500() {
		// Tactical does not catch NATS' "no responders": the request ends in a 500 at
		// once, after the run's row was written.
		vendor.stubFor(historyTurn(Scenario.STARTED, null).willReturn(okJson(history(cmd(30)))));
		vendor.stubFor(answered(aResponse().withStatus(500).withBody("Server Error (500)")));
		vendor.stubFor(historyTurn("look-1", null).willReturn(okJson(history(cmd(30), pending(31, 12)))));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.withMessageContaining("HTTP 500")
			.withMessageContaining("history row 31");
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldLetARunBeTriedAgainWhenTacticalFailedBeforeWritingItsRow() {
		vendor.stubFor(get(urlEqualTo(HISTORY)).willReturn(okJson(history(cmd(30)))));
		vendor.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withStatus(503).withBody("upstream down")));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.isNotInstanceOf(OutcomeUnknownException.class)
			.withMessageContaining("recorded no run of script 12");
	}

	@Test
	void shouldTakeTheResultFromTheHistoryWhenTheAnswerWasLost() {
		vendor.stubFor(historyTurn(Scenario.STARTED, null).willReturn(okJson(history())));
		vendor.stubFor(answered(aResponse().withStatus(502).withBody("Bad Gateway")));
		vendor.stubFor(historyTurn("look-1", null).willReturn(okJson(history(run(1, 12, 0, "Freed 0.5 GB", "")))));

		ScriptRun run = this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script");

		assertThat(run).isEqualTo(new ScriptRun(AGENT_ID + "#1", ScriptRun.Status.SUCCEEDED, 0, "Freed 0.5 GB"));
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldNotStartARunBeforeTheHistoryCouldBeRead() {
		vendor.stubFor(get(urlEqualTo(HISTORY)).willReturn(aResponse().withStatus(502)));

		assertThatExceptionOfType(ConnectorException.class)
			.isThrownBy(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
			.isNotInstanceOf(OutcomeUnknownException.class);
		vendor.verify(0, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldNeverStartASecondRunForTheSameKey() throws Exception {
		vendor.stubFor(historyTurn(Scenario.STARTED, null).willReturn(okJson(history(cmd(2)))));
		vendor.stubFor(answered(okJson("\"Freed 0.7 GB\"").withFixedDelay(200)));
		vendor.stubFor(
				historyTurn("look-1", null).willReturn(okJson(history(cmd(2), run(3, 12, 0, "Freed 0.7 GB", "")))));

		List<ScriptRun> runs = new ArrayList<>();
		try (ExecutorService deliveries = Executors.newFixedThreadPool(2)) {
			List<Future<ScriptRun>> both = deliveries
				.invokeAll(List.of(() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"),
						() -> this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script")));
			for (Future<ScriptRun> one : both) {
				runs.add(one.get());
			}
		}
		runs.add(this.rmm.runScript(this.alert, "disk-cleanup", "alert-7:run-script"));

		assertThat(runs).containsOnly(new ScriptRun(AGENT_ID + "#3", ScriptRun.Status.SUCCEEDED, 0, "Freed 0.7 GB"));
		vendor.verify(1, postRequestedFor(urlEqualTo(RUN)));
	}

	@Test
	void shouldReadARunAgainFromTheHistoryAfterARestart() {
		vendor.stubFor(get(urlEqualTo(HISTORY))
			.willReturn(okJson(history(run(70, 12, 0, "Freed 6.1 GB", ""), pending(71, 12), cmd(72)))));
		TacticalRmm restarted = connector(Duration.ofSeconds(60), Duration.ofSeconds(10));

		assertThat(restarted.scriptRun("acme", AGENT_ID + "#70"))
			.isEqualTo(new ScriptRun(AGENT_ID + "#70", ScriptRun.Status.SUCCEEDED, 0, "Freed 6.1 GB"));
		assertThat(restarted.scriptRun("acme", AGENT_ID + "#71").status()).isEqualTo(ScriptRun.Status.RUNNING);
		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> restarted.scriptRun("acme", AGENT_ID + "#69"))
			.withMessageContaining("has no row 69");
		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> restarted.scriptRun("acme", "alert-7:run-script"))
			.withMessageContaining("no record of Tactical RMM run alert-7:run-script");
	}

	@Test
	void shouldVerifyByTheExitCodeOfTheCheckItRanNotOfAnEarlierOne() {
		// The check passed an hour ago; it fails now.
		String passedEarlier = run(200, 13, 0, "31.5% free", "");
		runInTurns("\"3.9% free\"", history(passedEarlier), history(passedEarlier, pending(201, 13)),
				history(passedEarlier, run(201, 13, 1, "3.9% free", "")));

		Verification verification = this.rmm.verify(this.alert, "disk-free-above-threshold");

		assertThat(verification.passed()).isFalse();
		assertThat(verification.evidence()).isEqualTo("exit 1: 3.9% free");
		vendor.verify(postRequestedFor(urlEqualTo(RUN)).withRequestBody(equalToJson("{\"script\":13}", true, true)));
	}

	@Test
	void shouldVerifyByTheCheckScriptsExitCode() {
		runInTurns("\"31.5% free\"", history(), history(pending(5, 13)), history(run(5, 13, 0, "31.5% free", "")));

		Verification verification = this.rmm.verify(this.alert, "disk-free-above-threshold");

		assertThat(verification.passed()).isTrue();
		assertThat(verification.evidence()).isEqualTo("exit 0: 31.5% free");
	}

	@Test
	void shouldNeverPassAVerificationWhoseCheckDidNotRun() {
		String passedEarlier = run(200, 13, 0, "31.5% free", "");
		runInTurns("\"timeout\"", history(passedEarlier), history(passedEarlier));
		assertThat(this.rmm.verify(this.alert, "disk-free-above-threshold").passed()).isFalse();

		vendor.resetAll();
		runInTurns("\"31.5% free\"", history(passedEarlier), history(passedEarlier));
		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.rmm.verify(this.alert, "disk-free-above-threshold"));
	}

	@Test
	void shouldReadDeviceFactsFromTheAgent() {
		vendor.stubFor(get(urlEqualTo(AGENT)).willReturn(okJson(agent())));

		DeviceFacts facts = this.rmm.deviceFacts(this.alert);

		assertThat(facts.deviceId()).isEqualTo(AGENT_ID);
		assertThat(facts.hostname()).isEqualTo("ACME-WS-042");
		assertThat(facts.online()).isTrue();
		assertThat(facts.os()).isEqualTo("Windows 11 Pro, 64 bit v23H2 (build 22631.3296)");
		assertThat(facts.details()).containsEntry("client", "Acme")
			.containsEntry("site_name", "HQ")
			.containsEntry("make_model", "LENOVO ThinkPad T14 Gen 3")
			.containsEntry("needs_reboot", "false");
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
		vendor.stubFor(get(urlEqualTo(AGENT)).willReturn(okJson(agent()).withFixedDelay(1500)));

		assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> this.rmm.deviceFacts(this.alert))
			.withMessageContaining("Tactical RMM device-facts failed after 3 attempt(s)")
			.withMessageContaining("no answer within PT1S");
		vendor.verify(3, getRequestedFor(urlEqualTo(AGENT)));
	}

	@Test
	void shouldNotStartAScriptAgainWhenTheAnswerTimedOut() {
		// The script may be running: a second request could run it twice.
		TacticalRmm quick = connector(Duration.ofSeconds(1), Duration.ofSeconds(1));
		vendor.stubFor(historyTurn(Scenario.STARTED, null).willReturn(okJson(history(cmd(1)))));
		vendor.stubFor(answered(okJson("\"done\"").withFixedDelay(3000)));
		vendor.stubFor(historyTurn("look-1", null).willReturn(okJson(history(cmd(1), pending(2, 12)))));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> quick.runScript(this.alert, "disk-cleanup", "alert-7:run-script"))
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
		vendor.stubFor(get(urlEqualTo(HISTORY)).willReturn(okJson(history())));
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

	private static TacticalRmm connector(Duration scriptTimeout, Duration resultTimeout) {
		HttpSettings http = new HttpSettings(Duration.ofMillis(500), Duration.ofSeconds(1), 3, Duration.ofMillis(50),
				Duration.ofSeconds(2));
		TacticalRmmProperties properties = new TacticalRmmProperties(URI.create(vendor.baseUrl()), new Secret(API_KEY),
				scriptTimeout, Map.of("disk-cleanup", 12), Map.of("disk-free-above-threshold", 13),
				Duration.ofMillis(1), resultTimeout, http, Map.of("acme", 3));
		return TacticalRmm.create(properties, new ObjectMapper(), new SteppingClock());
	}

	/**
	 * The agent's history as Tactical lists it: {@code before} until the run is asked
	 * for, then each of {@code after} in turn at each look, the last one standing. The
	 * run is answered with {@code answer}.
	 */
	private static void runInTurns(String answer, String before, String... after) {
		vendor.stubFor(historyTurn(Scenario.STARTED, null).willReturn(okJson(before)));
		vendor.stubFor(post(urlEqualTo(RUN)).inScenario(TURNS)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(answer))
			.willSetStateTo("look-1"));
		for (int i = 1; i <= after.length; i++) {
			vendor.stubFor(historyTurn("look-" + i, (i < after.length) ? "look-" + (i + 1) : null)
				.willReturn(okJson(after[i - 1])));
		}
	}

	/** The run's answer, after which the history shows the run. */
	private static ScenarioMappingBuilder answered(ResponseDefinitionBuilder answer) {
		return post(urlEqualTo(RUN)).inScenario(TURNS)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(answer)
			.willSetStateTo("look-1");
	}

	private static ScenarioMappingBuilder historyTurn(String state, String next) {
		ScenarioMappingBuilder turn = get(urlEqualTo(HISTORY)).inScenario(TURNS).whenScenarioStateIs(state);
		return (next != null) ? turn.willSetStateTo(next) : turn;
	}

	private static String history(String... rows) {
		ArrayNode list = JsonNodeFactory.instance.arrayNode();
		Arrays.stream(rows).map(TacticalRmmTests::node).forEach(list::add);
		return list.toString();
	}

	/** A script run's row as Tactical's history serializer writes it. */
	private static String run(long id, int script, int retcode, String stdout, String stderr) {
		ObjectNode row = row(id, "script_run", script);
		ObjectNode results = row.putObject("script_results");
		results.put("id", id);
		results.put("stdout", stdout);
		results.put("stderr", stderr);
		results.put("retcode", retcode);
		results.put("execution_time", 1.7031);
		return row.toString();
	}

	/** A run's row before its agent has reported. */
	private static String pending(long id, int script) {
		ObjectNode row = row(id, "script_run", script);
		row.putNull("script_results");
		return row.toString();
	}

	private static String cmd(long id) {
		ObjectNode row = row(id, "cmd_run", null);
		row.put("command", "ipconfig /flushdns");
		row.put("results", "Successfully flushed the DNS Resolver Cache.");
		row.putNull("script_results");
		return row.toString();
	}

	private static ObjectNode row(long id, String type, Integer script) {
		ObjectNode row = JsonNodeFactory.instance.objectNode();
		row.put("id", id);
		row.put("agent", 45);
		row.put("time", "2026-11-21T10:15:0" + (id % 10) + ".123456Z");
		row.put("type", type);
		row.put("command", "");
		row.put("username", "closeloop-api");
		row.putNull("results");
		if (script != null) {
			row.put("script", script);
			row.put("script_name", "Closeloop " + script);
		}
		else {
			row.putNull("script");
			row.putNull("script_name");
		}
		row.putNull("custom_field");
		row.put("collector_all_output", false);
		row.put("save_to_agent_note", false);
		return row;
	}

	private static ObjectNode node(String json) {
		try {
			return (ObjectNode) new ObjectMapper().readTree(json);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(json, ex);
		}
	}

	private static String agent() {
		return """
				{"agent_id":"dev-ACME-WS-042","hostname":"ACME-WS-042","status":"online",
				 "operating_system":"Windows 11 Pro, 64 bit v23H2 (build 22631.3296)","plat":"windows",
				 "monitoring_type":"workstation","client":"Acme","site":7,"site_name":"HQ","needs_reboot":false,
				 "make_model":"LENOVO ThinkPad T14 Gen 3","logged_in_username":"jdoe","public_ip":"203.0.113.7",
				 "boot_time":1732180000.0,"version":"2.9.1","last_seen":"2026-11-21T10:14:02.118Z"}""";
	}

	/**
	 * A clock that moves on a second at every look, so the result timeout is counted in
	 * looks at the history rather than waited for.
	 */
	private static final class SteppingClock extends Clock {

		private final AtomicLong seconds = new AtomicLong();

		@Override
		public Instant instant() {
			return Instant.parse("2026-11-21T10:15:00Z").plusSeconds(this.seconds.getAndIncrement());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
