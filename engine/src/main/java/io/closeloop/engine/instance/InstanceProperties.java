package io.closeloop.engine.instance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This instance among several on one database ({@code closeloop.instance.*}).
 *
 * @param id the name this instance holds leases under; empty for the host name and the
 * server port. An instance restarted under the same id takes its embedded engine's lease
 * back at once; two live instances must not share one.
 * @param correlationLease how long the correlation leader's lease lasts unrenewed: after
 * the leader dies, another instance takes over correlation within it
 */
@ConfigurationProperties("closeloop.instance")
public record InstanceProperties(@DefaultValue("") String id, @DefaultValue("PT30S") Duration correlationLease) {

	public InstanceProperties {
		if (correlationLease.compareTo(Duration.ofSeconds(3)) < 0) {
			throw new IllegalArgumentException("closeloop.instance.correlation-lease must be at least PT3S");
		}
	}

}
