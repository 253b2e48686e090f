package io.closeloop.rules;

/**
 * What kind of problem an alert is, once vendor wording is normalised away (derived by
 * {@code classification/classification.drl}).
 */
public record AlertCategory(String name) {

	public String getName() {
		return this.name;
	}

}
