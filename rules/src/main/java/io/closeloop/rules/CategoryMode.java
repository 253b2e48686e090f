package io.closeloop.rules;

/** The autonomy a category has earned so far. */
public record CategoryMode(String category, AutonomyMode mode) {

	public String getCategory() {
		return this.category;
	}

	public AutonomyMode getMode() {
		return this.mode;
	}

}
