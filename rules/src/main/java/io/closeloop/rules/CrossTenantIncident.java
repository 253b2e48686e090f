package io.closeloop.rules;

/**
 * The same category of alert on many clients at once: one incident, not a ticket per
 * client. Identified by its category and the time of the alert that opened it.
 *
 * @param reason what made it an incident, in the words of the rule that found it
 */
public record CrossTenantIncident(String category, long startedAt, String reason) {

	public String getCategory() {
		return this.category;
	}

	public long getStartedAt() {
		return this.startedAt;
	}

	public String getReason() {
		return this.reason;
	}

}
