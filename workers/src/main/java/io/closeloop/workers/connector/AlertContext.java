package io.closeloop.workers.connector;

import java.util.Map;

/** The alert as connectors need it: who, which device, what happened. */
public record AlertContext(long alertId, String tenant, String type, String severity, String message, DeviceRef device,
		Map<String, Double> metrics) {

	public AlertContext {
		metrics = (metrics != null) ? Map.copyOf(metrics) : Map.of();
	}

}
