package io.closeloop.rules;

/**
 * The same problem on the same device again, soon after: it belongs with the earlier
 * alert.
 *
 * @param reason what made it a recurrence, in the words of the rule that found it
 */
public record Recurrence(long alertId, long earlierAlertId, String reason) {

	public long getAlertId() {
		return this.alertId;
	}

	public long getEarlierAlertId() {
		return this.earlierAlertId;
	}

	public String getReason() {
		return this.reason;
	}

}
