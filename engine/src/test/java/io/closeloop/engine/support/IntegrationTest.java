package io.closeloop.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.closeloop.engine.autonomy.AutonomyLedger;
import io.closeloop.engine.security.SignInThrottle;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.ui.tasks.ApprovalDesk;
import io.closeloop.ui.tasks.ApprovalTaskView;

/**
 * The whole application on the embedded default (in-memory Zeebe, H2 in memory), on
 * random ports. Every test class extending this shares one application context, so one
 * engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(SwitchableDatabase.class)
public abstract class IntegrationTest {

	private static final int ZEEBE_PORT = freePort();

	/** An API key that may report and read only the client globex. */
	protected static final String GLOBEX_KEY = "globex-test-key";

	/** A supervisor of the client globex only; the password is the name. */
	protected static final String GLOBEX_SUPERVISOR = "globex-supervisor";

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void embeddedEngine(DynamicPropertyRegistry registry) {
		registry.add("closeloop.zeebe.embedded.port", () -> ZEEBE_PORT);
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:closeloop-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
		// The rules packaged with the build, not the repository's directory: a rule file
		// being edited while the tests run must not change what they decide.
		registry.add("closeloop.rules.directory", () -> "");
		registry.add("closeloop.process.verify-retry-delay", () -> "PT1S");
		registry.add("closeloop.process.approval-sla", () -> "PT1H");
		registry.add("closeloop.simulator.script-duration", () -> "PT0.5S");
		registry.add("closeloop.zeebe.watchdog.interval", () -> "PT1H");
		registry.add("closeloop.intake.pending-retry-interval", () -> "PT1H");
		// The test classes' application contexts come and go on one database: a context
		// closed while it led correlation must not hold the lead for long.
		registry.add("closeloop.instance.correlation-lease", () -> "PT5S");
		// Spring Boot's tests turn the metrics exporters off; the scrape endpoint is part
		// of
		// the security configuration under test.
		registry.add("management.prometheus.metrics.export.enabled", () -> "true");
		// The fuzz tests send thousands of requests; the limit itself is tested on its
		// own.
		registry.add("closeloop.intake.limits.requests-per-second", () -> "100000");
		registry.add("closeloop.intake.limits.burst", () -> "100000");
		// The demo's keys and users, and one client's own: a list is bound from one
		// source whole.
		registry.add("closeloop.security.api-keys[0].name", () -> "demo");
		registry.add("closeloop.security.api-keys[0].key", () -> ApiClient.DEMO_KEY);
		registry.add("closeloop.security.api-keys[0].tenants[0]", () -> "*");
		registry.add("closeloop.security.api-keys[1].name", () -> "globex-rmm");
		registry.add("closeloop.security.api-keys[1].key", () -> GLOBEX_KEY);
		registry.add("closeloop.security.api-keys[1].tenants[0]", () -> "globex");
		registry.add("closeloop.security.users[0].username", () -> "technician");
		registry.add("closeloop.security.users[0].password", () -> "{noop}technician");
		registry.add("closeloop.security.users[0].roles[0]", () -> "TECHNICIAN");
		registry.add("closeloop.security.users[0].tenants[0]", () -> "*");
		registry.add("closeloop.security.users[1].username", () -> "supervisor");
		registry.add("closeloop.security.users[1].password", () -> "{noop}supervisor");
		registry.add("closeloop.security.users[1].roles[0]", () -> "SUPERVISOR");
		registry.add("closeloop.security.users[1].tenants[0]", () -> "*");
		registry.add("closeloop.security.users[2].username", () -> GLOBEX_SUPERVISOR);
		registry.add("closeloop.security.users[2].password", () -> "{noop}" + GLOBEX_SUPERVISOR);
		registry.add("closeloop.security.users[2].roles[0]", () -> "SUPERVISOR");
		registry.add("closeloop.security.users[2].tenants[0]", () -> "globex");
		// The demo profile's webhooks (application-demo.yml), with their secrets fixed
		// whatever the environment says; the tenant mappings are the demo's.
		Webhooks.SECRETS
			.forEach((vendor, secret) -> registry.add("closeloop.webhooks." + vendor + ".secret", () -> secret));
		registry.add("closeloop.webhooks.halo.username", () -> Webhooks.HALO_USER);
		// ConnectWise's signing keys may also be fetched, from the stand-in only.
		registry.add("closeloop.webhooks.connectwise.key-url.hosts[0]", ConnectWiseKeyServer::origin);
		registry.add("closeloop.webhooks.connectwise.key-url.company-id", () -> ConnectWiseKeyServer.COMPANY);
	}

	@Autowired
	private AutonomyLedger autonomy;

	@Autowired
	private SignInThrottle signIns;

	/**
	 * Every test starts from the demo's modes, for every client: categories earn and lose
	 * autonomy per client, and one test's failed fix must not change what the next one
	 * sees.
	 */
	/**
	 * Every test comes from 127.0.0.1, and many send a wrong secret on purpose: each
	 * starts with no failed sign-ins counted against the address.
	 */
	@BeforeEach
	void forgetFailedSignIns() {
		this.signIns.forgetAll();
	}

	@BeforeEach
	void resetDemoAutonomy() {
		List<String> demo = List.of("disk-space-low", "service-stopped", "print-spooler-stopped");
		for (String category : demo) {
			this.autonomy.setMode("*", category, "AUTONOMOUS", "test", "reset between tests", TenantScope.everything());
		}
		this.autonomy.standings(TenantScope.everything())
			.stream()
			.filter((standing) -> !standing.isEveryClient() && demo.contains(standing.category()))
			.forEach((standing) -> this.autonomy.setMode(standing.tenant(), standing.category(), "AUTONOMOUS", "test",
					"reset between tests", TenantScope.everything()));
	}

	@Autowired
	private ApprovalDesk approvalDesk;

	/** The open approval task of the alert, which must be waiting for one. */
	protected ApprovalTaskView openTaskFor(long alertId) {
		return this.approvalDesk.openTasks(TenantScope.everything())
			.stream()
			.filter((task) -> task.alertId() == alertId)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No open approval task for alert " + alertId));
	}

	protected ApiClient api() {
		return new ApiClient(this.port);
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
