package io.closeloop.rules;

/** A problem in a rule file, located for the person who wrote it. */
public record RuleError(String file, int line, String message) {

	@Override
	public String toString() {
		return this.file + ":" + this.line + ": " + this.message;
	}

}
