package io.closeloop.rules;

/**
 * An alert as the correlation rules see it: an event in time, with its category. Declared
 * an event in {@code correlation/correlation.drl}; the session forgets it after four
 * hours.
 */
public final class AlertSeen {

	private final long alertId;

	private final String tenant;

	private final String deviceKey;

	private final String category;

	private final long timestamp;

	public AlertSeen(long alertId, String tenant, String deviceId, String category, long timestamp) {
		this.alertId = alertId;
		this.tenant = tenant;
		this.deviceKey = tenant + "/" + deviceId;
		this.category = category;
		this.timestamp = timestamp;
	}

	public long getAlertId() {
		return this.alertId;
	}

	public String getTenant() {
		return this.tenant;
	}

	/** The device, qualified by its tenant: two clients may use the same device ids. */
	public String getDeviceKey() {
		return this.deviceKey;
	}

	public String getCategory() {
		return this.category;
	}

	/** Epoch milliseconds: when Closeloop received the alert. */
	public long getTimestamp() {
		return this.timestamp;
	}

}
