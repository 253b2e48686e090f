package io.closeloop.workers;

import java.util.Map;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceRef;

/**
 * The alert's process variables, as the engine starts every alert-to-resolution instance
 * with them.
 */
public record AlertVariables(Long alertId, String tenant, Fields alert, DeviceRef device) {

	public AlertContext context() {
		Fields fields = (this.alert != null) ? this.alert : new Fields(null, null, null, null, null, null);
		return new AlertContext(this.alertId, this.tenant, fields.type(), fields.severity(), fields.message(),
				this.device, fields.metrics());
	}

	/** The alert's own fields, as received. */
	public record Fields(String source, String externalId, String type, String severity, String message,
			Map<String, Double> metrics) {

	}

}
