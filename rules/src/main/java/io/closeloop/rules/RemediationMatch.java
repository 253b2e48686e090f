package io.closeloop.rules;

/**
 * A known fix for a category: the RMM script to run, the check that proves it worked, and
 * how sure the catalog is that it works.
 */
public record RemediationMatch(String category, String script, String verification, double confidence,
		boolean reboots) {

	public String getCategory() {
		return this.category;
	}

	public String getScript() {
		return this.script;
	}

	public String getVerification() {
		return this.verification;
	}

	public double getConfidence() {
		return this.confidence;
	}

	public boolean isReboots() {
		return this.reboots;
	}

}
