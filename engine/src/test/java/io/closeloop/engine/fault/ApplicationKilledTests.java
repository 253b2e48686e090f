package io.closeloop.engine.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.RequiresMySqlServer;

/**
 * The application is killed with SIGKILL while alerts pour in and scripts run, and
 * started again on the same database: MySQL (the MariaDB on 127.0.0.1:3306), as in
 * production; the embedded H2 writes its commits to disk in the background and may lose
 * the last second's. The RMM (Tactical RMM, played by a stub in this JVM, so it outlives
 * the application) is the witness: after the restart every accepted alert reaches a final
 * status, no remediation script ran twice on a device, and no alert got a second ticket.
 */
@ExtendWith(RequiresMySqlServer.class)
class ApplicationKilledTests {

	private static final String DATABASE = "closeloop_killtest";

	private static final int ALERTS = 40;

	private static final String API_KEY = "fault-test-key-5c1e";

	@RegisterExtension
	static WireMockExtension rmm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(new AgentHistoryStub()))
		.build();

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void stopApplications() {
		this.started.forEach(Process::destroyForcibly);
	}

	@Test
	void shouldFinishEveryAcceptedAlertAfterASigkillUnderLoadWithoutActingTwice() throws Exception {
		rmm.stubFor(get(urlMatching("/agents/[^/]+/")).willReturn(okJson("""
				{"hostname":"ACME-WS","status":"online","operating_system":"Windows 11 Pro","plat":"windows",
				 "site":7,"site_name":"HQ","client":"Acme Corp"}""")));
		rmm.stubFor(get(urlMatching("/clients/sites/7/"))
			.willReturn(okJson("{\"id\":7,\"name\":\"HQ\",\"client\":1,\"client_name\":\"Acme Corp\"}")));
		rmm.stubFor(post(urlMatching("/agents/[^/]+/runscript/")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("\"Freed 2.1 GB\"")
			.withFixedDelay(400)));
		// The agent's history: a row for each run asked for, its result once the agent
		// has answered (AgentHistoryStub).
		rmm.stubFor(get(urlMatching("/agents/[^/]+/history/")).willReturn(okJson("[]")));
		// Some devices' RMM fails while starting the script, in the two ways that leave
		// open whether it ran: a 502, and no answer within the connector's read timeout.
		// After the 502 the agent never reports; the slow one does, after its answer.
		rmm.stubFor(post(urlMatching("/agents/dev-KILL-502-[^/]+/runscript/")).willReturn(aResponse().withStatus(502)));
		rmm.stubFor(post(urlMatching("/agents/dev-KILL-SLOW-[^/]+/runscript/"))
			.willReturn(aResponse().withStatus(200).withBody("\"late\"").withFixedDelay(4000)));
		try (Connection server = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "");
				Statement sql = server.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
		}
		int port = freePort();
		ApiClient api = new ApiClient(port, API_KEY);

		Process first = start(port);
		awaitHealthy(api);
		Map<String, Long> accepted = new LinkedHashMap<>();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < ALERTS; i++) {
			String kind = (i % 10 == 3) ? "502" : (i % 10 == 7) ? "SLOW" : "WS";
			String hostname = "KILL-" + kind + "-" + i + "-" + Alerts.shortId();
			bodies.add(Alerts.diskLow(hostname, "workstation", "Windows 11"));
		}
		Instant killAt = Instant.now().plusSeconds(4);
		int sent = 0;
		while (Instant.now().isBefore(killAt) && sent < ALERTS) {
			ApiClient.Response response = api.postAlert(bodies.get(sent));
			assertThat(response.status()).isEqualTo(202);
			accepted.put(bodies.get(sent), response.id());
			sent++;
			Thread.sleep(100);
		}
		first.destroyForcibly().waitFor();
		assertThat(sent).as("some alerts were still in flight when the application was killed").isLessThan(ALERTS);

		start(port);
		awaitHealthy(api);
		// What an RMM does with the alerts it could not deliver: send them again.
		for (int i = sent; i < ALERTS; i++) {
			ApiClient.Response response = api.postAlert(bodies.get(i));
			assertThat(response.status()).isIn(200, 202);
			accepted.put(bodies.get(i), response.id());
		}

		Map<Long, Map<String, Object>> finals = new HashMap<>();
		for (long id : accepted.values()) {
			finals.put(id, api.awaitAlert(id,
					(alert) -> "RESOLVED".equals(alert.get("status")) || "ESCALATED".equals(alert.get("status")),
					Duration.ofMinutes(3)));
		}
		assertThat(finals).hasSize(ALERTS);
		Map<String, Integer> cleanupRuns = new HashMap<>();
		for (LoggedRequest request : rmm.findAll(postRequestedFor(urlMatching("/agents/[^/]+/runscript/"))
			.withRequestBody(equalToJson("{\"script\":12}", true, true)))) {
			cleanupRuns.merge(request.getUrl(), 1, Integer::sum);
		}
		assertThat(cleanupRuns).as("remediation scripts per device")
			.allSatisfy((agent, runs) -> assertThat(runs).isOne());
		long resolved = finals.values().stream().filter((alert) -> "RESOLVED".equals(alert.get("status"))).count();
		assertThat(resolved).as("alerts resolved, the rest handed to a person").isGreaterThan(ALERTS / 2);
		long slowResolved = 0;
		for (Map<String, Object> alert : finals.values()) {
			String hostname = (String) ((Map<?, ?>) alert.get("device")).get("hostname");
			if (hostname.startsWith("KILL-502-")) {
				assertThat(alert.get("status")).as(hostname).isEqualTo("ESCALATED");
				assertThat((String) alert.get("escalationReason")).as(hostname).contains("may have been carried out");
			}
			else if (hostname.startsWith("KILL-SLOW-")) {
				// The answer came too late, but the agent's result reached its history,
				// where the connector reads it; unless the kill caught the run.
				if ("RESOLVED".equals(alert.get("status"))) {
					slowResolved++;
				}
				else {
					assertThat((String) alert.get("escalationReason")).as(hostname)
						.contains("may have been carried out");
				}
			}
		}
		assertThat(slowResolved).as("slow answers whose result was read from the agent's history").isPositive();
		// The PSA here is the demo simulator, which forgets its tickets when killed: its
		// tickets after the restart must all be continuations of the alerts' own.
		Map<String, Integer> newTicketsPerDevice = new HashMap<>();
		for (Map<String, Object> ticket : api.simulator("tickets")) {
			if (ticket.get("deviceId") != null) {
				newTicketsPerDevice.merge((String) ticket.get("deviceId"), 1, Integer::sum);
			}
		}
		for (Map<String, Object> alert : finals.values()) {
			String device = (String) ((Map<?, ?>) alert.get("device")).get("id");
			if (alert.get("ticket") == null) {
				// Its ticket was being opened when the application was killed: whether
				// the
				// PSA made it is unknown, so no second one is opened and a person looks.
				assertThat(alert.get("status")).as(device).isEqualTo("ESCALATED");
				assertThat(newTicketsPerDevice.getOrDefault(device, 0)).as(device).isZero();
				continue;
			}
			String ticket = (String) ((Map<?, ?>) alert.get("ticket")).get("id");
			boolean openedAfterRestart = api.simulator("tickets")
				.stream()
				.anyMatch((opened) -> ticket.equals(opened.get("id")) && opened.get("deviceId") != null);
			assertThat(newTicketsPerDevice.getOrDefault(device, 0))
				.as("tickets opened after the restart for %s", device)
				.isEqualTo(openedAfterRestart ? 1 : 0);
		}
	}

	private Process start(int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				"io.closeloop.engine.CloseloopApplication", "--server.port=" + port,
				"--closeloop.zeebe.embedded.port=" + freePort(), "--spring.profiles.active=mysql",
				// What a real installation configures instead of the demo's users and
				// keys.
				"--closeloop.security.api-keys[0].name=fault-test", "--closeloop.security.api-keys[0].key=" + API_KEY,
				"--closeloop.security.api-keys[0].tenants[0]=*",
				"--closeloop.autonomy.initial-modes.disk-space-low=AUTONOMOUS", "--closeloop.rmm.connector=tactical",
				"--closeloop.rmm.tactical.url=" + rmm.baseUrl(), "--closeloop.rmm.tactical.api-key=stub-key",
				"--closeloop.rmm.tactical.clients.acme=1", "--closeloop.rmm.tactical.scripts.disk-cleanup=12",
				"--closeloop.rmm.tactical.checks.disk-free-above-threshold=13",
				"--closeloop.process.verify-retry-delay=PT1S", "--closeloop.zeebe.watchdog.interval=PT1H",
				"--closeloop.rmm.tactical.http.read-timeout=PT2S", "--closeloop.rmm.tactical.script-timeout=PT1S",
				"--closeloop.rmm.tactical.result-poll-interval=PT0.2S", "--closeloop.rmm.tactical.result-timeout=PT5S",
				"--logging.level.root=WARN", "--logging.level.io.closeloop=INFO"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(new File("target/application-killed-" + this.started.size() + ".log"));
		builder.environment()
			.put("CLOSELOOP_DB_URL", "jdbc:mysql://127.0.0.1:3306/" + DATABASE + "?createDatabaseIfNotExist=true");
		builder.environment().put("CLOSELOOP_DB_USER", "root");
		builder.environment().put("CLOSELOOP_DB_PASSWORD", "");
		builder.environment()
			.put("CLOSELOOP_RULES_DIR", new File("../rules/src/main/resources/io/closeloop/rules").getAbsolutePath());
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	private void awaitHealthy(ApiClient api) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)) {
			try {
				if (api.send(java.net.http.HttpRequest.newBuilder(api.uri("/actuator/health")).build())
					.status() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		throw new AssertionError("The application did not become healthy; see target/application-killed-*.log");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
