package io.closeloop.rules;

/**
 * What the decision rules proposed for an alert, as the autonomy rules see it: they
 * decide whether Closeloop may carry it out.
 */
public record Proposal(String category, Tier tier, String remediation) {

	public String getCategory() {
		return this.category;
	}

	public Tier getTier() {
		return this.tier;
	}

	public String getRemediation() {
		return this.remediation;
	}

}
