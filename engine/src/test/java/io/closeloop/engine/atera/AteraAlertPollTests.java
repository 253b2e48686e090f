package io.closeloop.engine.atera;

import io.closeloop.engine.instance.SingletonTasks;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import java.time.Instant;
import java.time.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertIntake;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.workers.connector.atera.AteraAlertFeed;
import jakarta.validation.Validator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Atera as the RMM of acme and globex, with a stand-in answering as Atera's API v3 does:
 * its open alerts polled into intake, its agents asked for scope, and no fix ever run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AteraAlertPollTests {

	private static final String KEY = "atera-key-8d2f41c09e7b";

	private static final int ZEEBE_PORT = freePort();

	private static final String ALERTS = "/api/v3/alerts";

	@RegisterExtension
	static WireMockExtension atera = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("closeloop.zeebe.embedded.port", () -> ZEEBE_PORT);
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:closeloop-atera;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
		registry.add("closeloop.rules.directory", () -> "");
		registry.add("closeloop.zeebe.watchdog.interval", () -> "PT1H");
		registry.add("closeloop.intake.pending-retry-interval", () -> "PT1H");
		registry.add("closeloop.security.api-keys[0].name", () -> "demo");
		registry.add("closeloop.security.api-keys[0].key", () -> ApiClient.DEMO_KEY);
		registry.add("closeloop.security.api-keys[0].tenants[0]", () -> "*");
		registry.add("closeloop.rmm.tenants.acme", () -> "atera");
		registry.add("closeloop.rmm.tenants.globex", () -> "atera");
		registry.add("closeloop.rmm.atera.url", atera::baseUrl);
		registry.add("closeloop.rmm.atera.api-key", () -> KEY);
		registry.add("closeloop.rmm.atera.customers.acme", () -> "11");
		registry.add("closeloop.rmm.atera.customers.globex", () -> "12");
		// The tests poll themselves.
		registry.add("closeloop.rmm.atera.poll-interval", () -> "PT1H");
		registry.add("closeloop.rmm.atera.http.max-attempts", () -> "2");
		registry.add("closeloop.rmm.atera.http.initial-backoff", () -> "PT0.05S");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private AteraAlertPoll poll;

	@Autowired
	private ObjectProvider<AteraAlertFeed> feeds;

	@Autowired
	private AlertIntake intake;

	@Autowired
	private Validator validator;

	@Autowired
	private AlertRepository alerts;

	@Autowired
	private SingletonTasks singletons;

	@Autowired
	private LockProvider leases;

	@Test
	void shouldMakeOneAlertOfAnAteraAlertPolledTwiceAndAfterARestart() {
		long id = uniqueAlertId();
		openAlerts(page(alert(id, 11, 4711, "Low Disk Space")));
		agent(4711, 11);

		AteraAlertPoll.Outcome first = this.poll.poll();
		AteraAlertPoll.Outcome second = this.poll.poll();
		// A new instance knows only the database, as after a restart.
		AteraAlertPoll.Outcome restarted = new AteraAlertPoll(this.feeds, this.intake, this.validator, this.singletons)
			.poll();

		assertThat(first.taken()).isEqualTo(1);
		assertThat(second.taken()).isZero();
		assertThat(second.held()).isEqualTo(1);
		assertThat(restarted.taken()).isZero();
		assertThat(this.alerts.findAll()).filteredOn((alert) -> String.valueOf(id).equals(alert.getExternalId()))
			.hasSize(1);
		Map<String, Object> stored = api().awaitStatus(stored("acme", id).getId(), "ESCALATED");
		// Read again, never handed in again: no duplicate on its timeline.
		assertThat(ApiClient.steps(stored)).doesNotContain("Duplicate received");
	}

	@Test
	void shouldLeaveTheTurnToTheInstanceThatHoldsThePollsLease() {
		long id = uniqueAlertId();
		openAlerts(page(alert(id, 11, 4715, "Low Disk Space")));
		agent(4715, 11);
		// Another instance is polling now.
		SimpleLock other = this.leases
			.lock(new LockConfiguration(Instant.now(), AteraAlertPoll.LEASE, Duration.ofMinutes(1), Duration.ZERO))
			.orElseThrow();
		try {
			assertThat(this.poll.pollInTurn()).isFalse();
			atera.verify(0, getRequestedFor(urlPathEqualTo(ALERTS)));
		}
		finally {
			other.unlock();
		}

		assertThat(this.poll.pollInTurn()).isTrue();
		assertThat(stored("acme", id)).isNotNull();
	}

	@Test
	void shouldHandAnAteraAlertToAPersonWithTheFixNamedAndActOnNothing() {
		long id = uniqueAlertId();
		openAlerts(page(alert(id, 11, 4712, "Low Disk Space")));
		agent(4712, 11);

		this.poll.poll();
		Map<String, Object> escalated = api().awaitStatus(stored("acme", id).getId(), "ESCALATED");

		// On a workstation this disk alert is L1 and the category autonomous: through an
		// RMM that runs scripts, Closeloop would clean the disk alone.
		assertThat(ApiClient.decision(escalated)).containsEntry("tier", "L1")
			.containsEntry("remediation", "disk-cleanup")
			.containsEntry("mode", "AUTONOMOUS")
			.containsEntry("path", "PERSON");
		assertThat(ApiClient.timeline(escalated)).anySatisfy((step) -> assertThat(String.valueOf(step.get("detail")))
			.contains("Atera's public API offers no call that runs a script: a person applies the proposed fix, "
					+ "disk-cleanup"));
		assertThat(ApiClient.steps(escalated)).contains("Device in scope")
			.doesNotContain("Script finished", "Script failed", "Fix verified", "Verification failed");
		assertThat(String.valueOf(ApiClient.timeline(escalated))).doesNotContain("REMEDIATING");
		// Atera was only read.
		assertThat(atera.findAll(anyRequestedFor(anyUrl())))
			.allSatisfy((request) -> assertThat(request.getMethod().getName()).isEqualTo("GET"));
	}

	@Test
	void shouldRefuseADeviceOfAnotherAteraCustomer() {
		// Atera puts agent 4713 in acme's customer; globex's key names it.
		agent(4713, 11);
		String body = Alerts.diskLow("GLOBEX-WS-" + Alerts.shortId(), "workstation", "Windows 11")
			.replace("\"tenant\":\"acme\"", "\"tenant\":\"globex\"")
			.replaceFirst("\"id\":\"dev-[^\"]+\"", "\"id\":\"4713\"");

		ApiClient.Response accepted = api().postAlert(body);
		Map<String, Object> refused = api().awaitStatus(accepted.id(), "ESCALATED");

		assertThat(ApiClient.steps(refused)).contains("Device out of scope").doesNotContain("Enriched", "Decided");
		assertThat(ApiClient.timeline(refused)).anySatisfy((step) -> assertThat(step.get("detail"))
			.isEqualTo("before enrichment: device 4713 is not in Atera customer 12 (tenant globex's)"));
		atera.verify(getRequestedFor(urlEqualTo("/api/v3/agents/4713")).withHeader("X-API-KEY", equalTo(KEY)));
	}

	@Test
	void shouldWaitOutAnOutageAndLoseNoAlert() {
		long first = uniqueAlertId();
		long second = uniqueAlertId();
		agent(4714, 11);
		agent(4715, 12);
		// Page 1 answers; page 2 is down until Atera comes back.
		atera.stubFor(get(urlPathEqualTo(ALERTS)).withQueryParam("page", equalTo("1"))
			.willReturn(okJson(page(1, 1, 2, List.of(alert(first, 11, 4714, "Low Disk Space"))))));
		atera.stubFor(get(urlPathEqualTo(ALERTS)).withQueryParam("page", equalTo("2"))
			.inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)));
		atera.stubFor(get(urlPathEqualTo(ALERTS)).withQueryParam("page", equalTo("2"))
			.inScenario("outage")
			.whenScenarioStateIs("back")
			.willReturn(okJson(page(2, 1, 2, List.of(alert(second, 12, 4715, "Low Disk Space"))))));

		AteraAlertPoll.Outcome down = this.poll.poll();

		assertThat(down.read()).isFalse();
		assertThat(down.note()).contains("HTTP 503");
		// Nothing of a poll that could not finish is taken in.
		assertThat(this.alerts.findByTenantAndSourceAndExternalId("acme", "atera", String.valueOf(first))).isEmpty();

		atera.setScenarioState("outage", "back");
		AteraAlertPoll.Outcome back = this.poll.poll();

		assertThat(back.read()).isTrue();
		assertThat(back.taken()).isEqualTo(2);
		assertThat(stored("acme", first)).isNotNull();
		assertThat(stored("globex", second)).isNotNull();
	}

	private Alert stored(String tenant, long id) {
		return this.alerts.findByTenantAndSourceAndExternalId(tenant, "atera", String.valueOf(id))
			.orElseThrow(() -> new AssertionError("No Atera alert " + id + " for " + tenant));
	}

	private ApiClient api() {
		return new ApiClient(this.port);
	}

	private static void openAlerts(String page) {
		atera.stubFor(get(urlPathEqualTo(ALERTS)).withQueryParam("alertStatus", equalTo("Open"))
			.withHeader("X-API-KEY", equalTo(KEY))
			.willReturn(okJson(page)));
	}

	private static void agent(long agentId, long customerId) {
		atera.stubFor(get(urlEqualTo("/api/v3/agents/" + agentId)).willReturn(okJson("""
				{"AgentID":%1$d,"CustomerID":%2$d,"CustomerName":"Customer %2$d","MachineName":"HOST-%1$d",
				 "Online":true,"LastSeen":"2026-11-30T09:58:00","OS":"Windows 11 Pro","OSType":"Work Station",
				 "DeviceType":"Laptop"}""".formatted(agentId, customerId))));
	}

	private static String page(String... alerts) {
		return page(1, 50, alerts.length, List.of(alerts));
	}

	private static String page(int page, int itemsInPage, int totalItems, List<String> items) {
		int totalPages = Math.max(1, (totalItems + itemsInPage - 1) / itemsInPage);
		return """
				{"items":[%s],"page":%d,"itemsInPage":%d,"totalItemCount":%d,"totalPages":%d,"prevLink":null,
				 "nextLink":null}""".formatted(String.join(",", items), page, itemsInPage, totalItems, totalPages);
	}

	private static String alert(long alertId, long customerId, long agentId, String title) {
		return """
				{"AlertID":%1$d,"Code":4,"Source":"Agent","Title":"%4$s","Severity":"Warning",
				 "Created":"2026-11-30T09:15:00Z","AgentId":%3$d,"AdditionalInfo":"C: free space 4%%",
				 "Archived":false,"AlertCategoryID":"Disk","DeviceName":"HOST-%3$d","CustomerID":%2$d,
				 "CustomerName":"Customer %2$d","DeviceType":"Laptop"}""".formatted(alertId, customerId, agentId,
				title);
	}

	private static long uniqueAlertId() {
		return Math.abs(Alerts.uniqueId().hashCode()) + 100_000L;
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
