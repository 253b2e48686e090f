package io.closeloop.engine.zeebe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded Zeebe engine ({@code closeloop.zeebe.embedded.*}): on by default, for
 * evaluation and development. Production turns it off
 * ({@code closeloop.zeebe.embedded.enabled=false}, the {@code cluster} profile) and
 * points {@code camunda.client.*} at a Camunda 8 cluster; that switch is read by
 * {@link EmbeddedZeebeConfiguration}'s condition, which holds its default.
 *
 * @param port the gRPC gateway port it listens on (localhost)
 * @param failuresBeforeReplace consecutive failed liveness probes before the engine is
 * replaced
 * @param lease how long the embedded engine's lease on the database lasts unrenewed; it
 * is renewed every third of it, and another instance's embedded engine is refused while
 * it holds
 */
@ConfigurationProperties("closeloop.zeebe.embedded")
public record EmbeddedZeebeProperties(@DefaultValue("26500") int port, @DefaultValue("3") int failuresBeforeReplace,
		@DefaultValue("PT30S") Duration lease) {

	public EmbeddedZeebeProperties {
		if (port <= 0 || failuresBeforeReplace <= 0) {
			throw new IllegalArgumentException(
					"closeloop.zeebe.embedded.port and failures-before-replace must be positive");
		}
		if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
			throw new IllegalArgumentException("closeloop.zeebe.embedded.lease must be at least PT3S");
		}
	}

	/**
	 * The engine's watchdog ({@code closeloop.zeebe.watchdog.*}).
	 *
	 * @param interval how often the watchdog probes the engine
	 * @param probeTimeout how long a probe may take
	 */
	@ConfigurationProperties("closeloop.zeebe.watchdog")
	public record Watchdog(@DefaultValue("PT10S") Duration interval, @DefaultValue("PT5S") Duration probeTimeout) {

	}

}
