package io.closeloop.engine.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.RequiresMySqlServer;
import io.closeloop.engine.support.WebSession;

/**
 * Two instances on one database (the MariaDB on 127.0.0.1:3306) and one engine: A runs
 * the embedded engine, B the cluster profile against A's gateway on loopback. Alerts come
 * in through both APIs while B is killed with SIGKILL and started again. The RMM
 * (Tactical) and the PSA (HaloPSA), played by stubs in this JVM, are the witnesses, with
 * the database: every accepted alert ends final, no alert's process is started twice, no
 * device gets two script runs, no alert two tickets, the approvals waiting when B died
 * are still waiting after (and are approved from A, whoever took their jobs), and a storm
 * of one category over many clients is one incident.
 */
@ExtendWith(RequiresMySqlServer.class)
class TwoInstancesTests {

	private static final String DATABASE = "closeloop_twoinstances";

	private static final String JDBC = "jdbc:mysql://127.0.0.1:3306/" + DATABASE;

	private static final int ALERTS = 510;

	/**
	 * Every 17th alert is a storm alert of its own client, every 17th but 8 a server's.
	 */
	private static final int EVERY = 17;

	private static final String API_KEY = "two-instances-key-7d2a";

	private static final String PASSWORD = "two-instances-technician";

	private static final Pattern TICKET_KEY = Pattern.compile("Closeloop ref ([^)]+)\\)");

	@RegisterExtension
	static WireMockExtension rmm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(new AgentHistoryStub()))
		.build();

	@RegisterExtension
	static WireMockExtension psa = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().globalTemplating(true))
		.build();

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void stopApplications() {
		this.started.forEach(Process::destroyForcibly);
	}

	@Test
	void shouldWorkAsOneWhileTheSecondInstanceIsKilledAndStartedAgainUnderLoad() throws Exception {
		stubRmm();
		stubPsa();
		try (Connection server = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "");
				Statement sql = server.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
		}
		int zeebe = freePort();
		int portA = freePort();
		int portB = freePort();
		ApiClient a = new ApiClient(portA, API_KEY);
		ApiClient b = new ApiClient(portB, API_KEY);
		// Both at once: B deploys nothing until A's engine answers, and retries.
		start("a", portA, zeebe);
		Process first = start("b", portB, zeebe);
		awaitHealthy(a);
		awaitHealthy(b);

		List<String> bodies = new ArrayList<>();
		int storms = 0;
		String run = Alerts.shortId();
		for (int i = 0; i < ALERTS; i++) {
			if (i % EVERY == 0) {
				bodies.add(cpuHigh("storm-" + (++storms), run));
			}
			else if (i % EVERY == EVERY / 2) {
				bodies.add(Alerts.diskLow("TWO-SRV-" + i + "-" + run, "server", "Windows Server 2022"));
			}
			else {
				bodies.add(Alerts.diskLow("TWO-WS-" + i + "-" + run, "workstation", "Windows 11"));
			}
		}
		List<Long> accepted = new ArrayList<>();
		int sent = 0;
		for (; sent < 200; sent++) {
			accepted.add(intake(sent % 2 == 0 ? a : b, a, bodies.get(sent)));
		}
		// Approvals whose jobs B took (tagged with the cluster B works with) wait when it
		// dies.
		Set<Long> openBeforeKill = awaitOpenApprovals(3, Duration.ofSeconds(90));
		first.destroyForcibly().waitFor();
		Instant killedAt = Instant.now();
		Process second = start("b", portB, zeebe);
		// While B starts again its RMMs' alerts go to A.
		while (sent < 350) {
			accepted.add(intake(a, a, bodies.get(sent++)));
		}
		awaitHealthy(b);
		Duration bAway = Duration.between(killedAt, Instant.now());
		for (; sent < ALERTS; sent++) {
			accepted.add(intake(sent % 2 == 0 ? a : b, a, bodies.get(sent)));
		}
		assertThat(second.isAlive()).isTrue();

		// Every server alert waits for approval once; the ones waiting when B died still
		// do.
		int servers = (int) bodies.stream().filter((body) -> body.contains("TWO-SRV-")).count();
		Map<Long, String> open = awaitOpenTaskPerServerAlert(servers, Duration.ofMinutes(2));
		Set<Long> stillOpen = new HashSet<>(open.keySet());
		int survived = (int) openBeforeKill.stream().filter(stillOpen::contains).count();
		int mooted = count("select count(*) from approval_task where state = 'MOOT'");
		int duplicateTasks = count("select count(*) from (select alert_id from approval_task group by alert_id"
				+ " having count(*) > 1) d");
		WebSession technician = WebSession.logIn(portA, "technician", PASSWORD);
		for (long task : open.keySet()) {
			assertThat(
					technician.submit("/tasks", "/tasks/" + task + "/approve", Map.of("comment", "fine")).statusCode())
				.isEqualTo(302);
		}

		Map<Long, Map<String, Object>> finals = new HashMap<>();
		for (long id : accepted) {
			finals.put(id, a.awaitAlert(id,
					(alert) -> "RESOLVED".equals(alert.get("status")) || "ESCALATED".equals(alert.get("status")),
					Duration.ofMinutes(3)));
		}

		Map<String, Integer> runsPerDevice = new HashMap<>();
		// The disk cleanup (script 12); the verification check runs as a script too.
		for (LoggedRequest request : rmm.findAll(postRequestedFor(urlMatching("/agents/[^/]+/runscript/"))
			.withRequestBody(equalToJson("{\"script\":12}", true, true)))) {
			runsPerDevice.merge(request.getUrl(), 1, Integer::sum);
		}
		Map<String, Integer> ticketsPerAlert = new HashMap<>();
		for (LoggedRequest request : psa
			.findAll(postRequestedFor(urlPathEqualTo("/api/Tickets")).withRequestBody(containing("tickettype_id")))) {
			Matcher key = TICKET_KEY.matcher(request.getBodyAsString());
			ticketsPerAlert.merge(key.find() ? key.group(1) : "?", 1, Integer::sum);
		}
		int startedTwice = count("select count(*) from alert a where (select count(*) from alert_event e"
				+ " where e.alert_id = a.id and e.step = 'Process started') > a.process_generation");
		int incidents = count("select count(*) from incident");
		int stormInIncident = count("select count(*) from alert where tenant like 'storm-%' and incident_id is not null"
				+ " and incident_id = (select min(id) from incident)");
		Map<String, Long> byStatus = new TreeMap<>();
		finals.values().forEach((alert) -> byStatus.merge((String) alert.get("status"), 1L, Long::sum));
		int maxRuns = runsPerDevice.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		int maxTickets = ticketsPerAlert.values().stream().mapToInt(Integer::intValue).max().orElse(0);

		System.out.printf(
				"TwoInstancesTests figures:%n  alerts accepted %d (A and B), final %d %s%n"
						+ "  B away (killed to healthy again) %s%n  alerts whose process was started twice %d%n"
						+ "  devices with a cleanup script run %d, most runs on one device %d%n"
						+ "  tickets opened %d (one per alert, or per incident), most opened under one key %d%n"
						+ "  approvals open when B was killed %d, still open after its restart %d, mooted %d,"
						+ " alerts with two approval tasks %d, approved from A %d%n"
						+ "  storm: %d clients, incidents %d, storm alerts in it %d%n",
				accepted.size(), finals.size(), byStatus, bAway, startedTwice, runsPerDevice.size(), maxRuns,
				ticketsPerAlert.size(), maxTickets, openBeforeKill.size(), survived, mooted, duplicateTasks,
				open.size(), storms, incidents, stormInIncident);

		assertThat(accepted).hasSize(ALERTS).doesNotHaveDuplicates();
		assertThat(finals).hasSize(ALERTS);
		assertThat(startedTwice).as("alerts whose process was started twice").isZero();
		assertThat(maxRuns).as("script runs on one device").isEqualTo(1);
		assertThat(ticketsPerAlert).doesNotContainKey("?");
		assertThat(maxTickets).as("tickets opened under one key (an alert's, or the incident's)").isEqualTo(1);
		assertThat(survived).as("approvals open when B died, still open after").isEqualTo(openBeforeKill.size());
		assertThat(mooted).isZero();
		assertThat(duplicateTasks).isZero();
		assertThat(open).hasSize(servers);
		assertThat(incidents).as("incidents").isOne();
		assertThat(stormInIncident).as("storm alerts in the incident").isEqualTo(storms);
		for (Map<String, Object> alert : finals.values()) {
			String hostname = (String) ((Map<?, ?>) alert.get("device")).get("hostname");
			if (hostname.startsWith("TWO-SRV-")) {
				assertThat(alert.get("status")).as(hostname + " approved").isEqualTo("RESOLVED");
			}
		}
	}

	private static Long intake(ApiClient to, ApiClient fallback, String body) {
		ApiClient.Response response;
		try {
			response = to.postAlert(body);
		}
		catch (RuntimeException ex) {
			// That instance is down: what a load balancer does, the other takes it.
			response = fallback.postAlert(body);
		}
		assertThat(response.status()).isEqualTo(202);
		return response.id();
	}

	private Set<Long> awaitOpenApprovals(int takenByB, Duration timeout) throws InterruptedException, SQLException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (count(
					"select count(*) from approval_task where state = 'OPEN' and engine_incarnation = 'cluster'") >= takenByB) {
				return new HashSet<>(taskIds("select id from approval_task where state = 'OPEN'"));
			}
			Thread.sleep(250);
		}
		throw new AssertionError("B took no approval jobs; see target/two-instances-*.log");
	}

	private Map<Long, String> awaitOpenTaskPerServerAlert(int servers, Duration timeout)
			throws InterruptedException, SQLException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (count("select count(*) from approval_task where state = 'OPEN'") >= servers) {
				break;
			}
			Thread.sleep(500);
		}
		Map<Long, String> open = new HashMap<>();
		try (Connection db = DriverManager.getConnection(JDBC, "root", "");
				Statement sql = db.createStatement();
				ResultSet rows = sql
					.executeQuery("select id, engine_incarnation from approval_task where state = 'OPEN'")) {
			while (rows.next()) {
				open.put(rows.getLong(1), rows.getString(2));
			}
		}
		return open;
	}

	private static int count(String query) throws SQLException {
		try (Connection db = DriverManager.getConnection(JDBC, "root", "");
				Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static List<Long> taskIds(String query) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Connection db = DriverManager.getConnection(JDBC, "root", "");
				Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery(query)) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		return ids;
	}

	private static void stubRmm() {
		rmm.stubFor(get(urlMatching("/agents/[^/]+/")).willReturn(okJson("""
				{"hostname":"ACME-WS","status":"online","operating_system":"Windows 11 Pro","plat":"windows",
				 "site":7,"site_name":"HQ","client":"Acme Corp"}""")));
		rmm.stubFor(get(urlMatching("/clients/sites/7/"))
			.willReturn(okJson("{\"id\":7,\"name\":\"HQ\",\"client\":1,\"client_name\":\"Acme Corp\"}")));
		rmm.stubFor(post(urlMatching("/agents/[^/]+/runscript/")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("\"Freed 2.1 GB\"")
			.withFixedDelay(200)));
		rmm.stubFor(get(urlMatching("/agents/[^/]+/history/")).willReturn(okJson("[]")));
	}

	/** HaloPSA as far as Closeloop uses it: each ticket opened gets an id of its own. */
	private static void stubPsa() {
		psa.stubFor(post(urlPathEqualTo("/auth/token"))
			.willReturn(okJson("{\"access_token\":\"halo-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		psa.stubFor(get(urlPathEqualTo("/api/Tickets"))
			.willReturn(okJson("{\"page_no\":1,\"record_count\":0,\"tickets\":[]}")));
		psa.stubFor(post(urlPathEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":{{randomInt lower=1000 upper=2000000000}},\"summary\":\"ticket\",\"status_id\":1,"
					+ "\"status\":\"New\"}")));
		psa.stubFor(get(urlPathEqualTo("/api/Actions")).willReturn(okJson("{\"record_count\":0,\"actions\":[]}")));
		psa.stubFor(post(urlPathEqualTo("/api/Actions")).withRequestBody(equalToJson("[{}]", true, true))
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("[{}]")));
	}

	private Process start(String name, int port, int zeebePort) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String password = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
		boolean embedded = name.equals("a");
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				"io.closeloop.engine.CloseloopApplication", "--server.port=" + port,
				"--spring.profiles.active=" + (embedded ? "mysql" : "mysql,cluster"), "--closeloop.instance.id=" + name,
				"--closeloop.instance.correlation-lease=PT10S",
				// What a real installation configures instead of the demo's users and
				// keys.
				"--closeloop.security.api-keys[0].name=two-instances",
				"--closeloop.security.api-keys[0].key=" + API_KEY, "--closeloop.security.api-keys[0].tenants[0]=*",
				"--closeloop.security.users[0].username=technician",
				"--closeloop.security.users[0].password=" + password,
				"--closeloop.security.users[0].roles[0]=TECHNICIAN", "--closeloop.security.users[0].tenants[0]=*",
				"--closeloop.autonomy.initial-modes.disk-space-low=AUTONOMOUS",
				"--closeloop.process-start.max-busy-processes=150",
				"--closeloop.process-start.max-busy-processes-in-storm=150",
				// The jobs a killed instance held are handed out again after their
				// timeout
				// (Camunda's default is 5 minutes); an approval job too.
				"--camunda.client.worker.defaults.timeout=PT20S",
				"--camunda.client.worker.override.closeloop-approval.timeout=PT15S",
				"--closeloop.rmm.connector=tactical", "--closeloop.rmm.tactical.url=" + rmm.baseUrl(),
				"--closeloop.rmm.tactical.api-key=stub-key", "--closeloop.rmm.tactical.clients.acme=1",
				"--closeloop.rmm.tactical.scripts.disk-cleanup=12",
				"--closeloop.rmm.tactical.checks.disk-free-above-threshold=13",
				"--closeloop.rmm.tactical.result-poll-interval=PT0.2S", "--closeloop.rmm.tactical.result-timeout=PT5S",
				"--closeloop.psa.connector=halo", "--closeloop.psa.halo.url=" + psa.baseUrl(),
				"--closeloop.psa.halo.tenant=two-instances", "--closeloop.psa.halo.client-id=stub-client",
				"--closeloop.psa.halo.client-secret=stub-secret", "--closeloop.psa.halo.ticket-type-id=31",
				"--closeloop.psa.halo.note-outcome-id=7", "--closeloop.psa.halo.close-outcome-id=21",
				"--closeloop.psa.halo.closed-status-id=9", "--closeloop.psa.halo.escalation.status-id=23",
				"--closeloop.psa.halo.clients.acme=12", "--closeloop.process.verify-retry-delay=PT1S",
				// A's probes must not replace its engine under this load; B's deploy once
				// A's engine answers.
				"--closeloop.zeebe.watchdog.interval=" + (embedded ? "PT1H" : "PT5S"), "--logging.level.root=WARN",
				"--logging.level.io.closeloop=INFO"));
		for (int client = 1; client <= ALERTS / EVERY + 1; client++) {
			command.add("--closeloop.rmm.tactical.clients.storm-" + client + "=1");
			command.add("--closeloop.psa.halo.clients.storm-" + client + "=12");
		}
		if (embedded) {
			command.add("--closeloop.zeebe.embedded.port=" + zeebePort);
		}
		else {
			// A's gateway, like the embedded engine's own client, without authentication.
			command.add("--camunda.client.auth.method=none");
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(new File("target/two-instances-" + name + "-" + this.started.size() + ".log"));
		builder.environment().put("CLOSELOOP_DB_URL", JDBC + "?createDatabaseIfNotExist=true");
		builder.environment().put("CLOSELOOP_DB_USER", "root");
		builder.environment().put("CLOSELOOP_DB_PASSWORD", "");
		builder.environment().put("CAMUNDA_GRPC_ADDRESS", "http://localhost:" + zeebePort);
		builder.environment()
			.put("CLOSELOOP_RULES_DIR", new File("../rules/src/main/resources/io/closeloop/rules").getAbsolutePath());
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	private static String cpuHigh(String tenant, String run) {
		return """
				{"source":"ninjaone","externalId":"%s","tenant":"%s",
				 "device":{"id":"dev-%s-%s","hostname":"%s-WS-%s","os":"Windows 11","role":"workstation"},
				 "type":"cpu.high","severity":"warning","message":"CPU above 95%% for 15 minutes"}
				""".formatted(Alerts.uniqueId(), tenant, tenant, run, tenant.toUpperCase(), run);
	}

	private void awaitHealthy(ApiClient api) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(240);
		while (Instant.now().isBefore(deadline)) {
			try {
				if (api.send(HttpRequest.newBuilder(api.uri("/actuator/health")).build()).status() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		throw new AssertionError("An instance did not become healthy; see target/two-instances-*.log");
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
