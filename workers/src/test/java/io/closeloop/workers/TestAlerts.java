package io.closeloop.workers;

import java.util.Map;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceRef;

/** Alerts for worker tests. */
public final class TestAlerts {

	private TestAlerts() {
	}

	public static AlertContext diskLow(long alertId, String hostname) {
		return diskLow(alertId, hostname, "acme");
	}

	public static AlertContext diskLow(long alertId, String hostname, String tenant) {
		return new AlertContext(alertId, tenant, "disk.space.low", "warning", "C: free space 4%",
				new DeviceRef("dev-" + hostname, hostname, "Windows 11", "workstation"), Map.of("diskFreePct", 4.0));
	}

}
