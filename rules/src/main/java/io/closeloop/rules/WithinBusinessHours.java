package io.closeloop.rules;

/** The client is within its business hours now: users are at work. */
public record WithinBusinessHours(String tenant) {

	public String getTenant() {
		return this.tenant;
	}

}
