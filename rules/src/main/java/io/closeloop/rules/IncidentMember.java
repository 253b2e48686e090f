package io.closeloop.rules;

/** An alert that belongs to a cross-tenant incident. */
public record IncidentMember(CrossTenantIncident incident, long alertId) {

	public CrossTenantIncident getIncident() {
		return this.incident;
	}

	public long getAlertId() {
		return this.alertId;
	}

}
