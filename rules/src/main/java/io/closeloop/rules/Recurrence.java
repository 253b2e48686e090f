package io.closeloop.rules;

/**
 * The same problem on the same device again, soon after: it belongs with the earlier
 * alert.
 */
public record Recurrence(long alertId, long earlierAlertId) {

	public long getAlertId() {
		return this.alertId;
	}

	public long getEarlierAlertId() {
		return this.earlierAlertId;
	}

}
