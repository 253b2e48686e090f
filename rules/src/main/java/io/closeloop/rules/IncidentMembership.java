package io.closeloop.rules;

/**
 * For the autonomy rules: the alert being decided belongs to a cross-tenant incident, so
 * a person looks at the incident as a whole before anything is fixed automatically.
 */
public record IncidentMembership(long incidentId, String category) {

	public long getIncidentId() {
		return this.incidentId;
	}

	public String getCategory() {
		return this.category;
	}

}
