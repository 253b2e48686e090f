package io.closeloop.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.closeloop.engine.autonomy.AutonomyLedger;

/**
 * The whole application on the embedded default (in-memory Zeebe, H2 in memory), on
 * random ports. Every test class extending this shares one application context, so one
 * engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	private static final int ZEEBE_PORT = freePort();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void embeddedEngine(DynamicPropertyRegistry registry) {
		registry.add("closeloop.zeebe.embedded.port", () -> ZEEBE_PORT);
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:closeloop-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
		registry.add("closeloop.process.verify-retry-delay", () -> "PT1S");
		registry.add("closeloop.process.approval-sla", () -> "PT1H");
		registry.add("closeloop.simulator.script-duration", () -> "PT0.5S");
		registry.add("closeloop.zeebe.watchdog.interval", () -> "PT1H");
		registry.add("closeloop.intake.pending-retry-interval", () -> "PT1H");
	}

	@Autowired
	private AutonomyLedger autonomy;

	/**
	 * Every test starts from the demo's modes: categories earn and lose autonomy, and one
	 * test's failed fix must not change what the next one sees.
	 */
	@BeforeEach
	void resetDemoAutonomy() {
		for (String category : List.of("disk-space-low", "service-stopped", "print-spooler-stopped")) {
			this.autonomy.setMode(category, "AUTONOMOUS", "test", "reset between tests");
		}
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
