package io.closeloop.rules;

/** The client's maintenance window is open now: disruptive fixes are expected. */
public record WithinMaintenanceWindow(String tenant) {

	public String getTenant() {
		return this.tenant;
	}

}
