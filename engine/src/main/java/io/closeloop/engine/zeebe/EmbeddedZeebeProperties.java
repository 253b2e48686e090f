package io.closeloop.engine.zeebe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded Zeebe engine: on by default, for evaluation and development. Production
 * turns it off ({@code closeloop.zeebe.embedded.enabled=false}) and points
 * {@code camunda.client.*} at a Camunda 8 cluster.
 *
 * @param enabled start the in-memory engine inside the application
 * @param port the gRPC gateway port it listens on (localhost)
 * @param failuresBeforeReplace consecutive failed liveness probes before the engine is
 * replaced
 */
@ConfigurationProperties("closeloop.zeebe.embedded")
public record EmbeddedZeebeProperties(boolean enabled, int port, int failuresBeforeReplace) {

	public EmbeddedZeebeProperties {
		if (port == 0) {
			port = 26500;
		}
		if (failuresBeforeReplace <= 0) {
			failuresBeforeReplace = 3;
		}
	}

	/** How often the watchdog probes, and how long a probe may take. */
	@ConfigurationProperties("closeloop.zeebe.watchdog")
	public record Watchdog(Duration interval, Duration probeTimeout) {

		public Watchdog {
			interval = (interval != null) ? interval : Duration.ofSeconds(10);
			probeTimeout = (probeTimeout != null) ? probeTimeout : Duration.ofSeconds(5);
		}

	}

}
