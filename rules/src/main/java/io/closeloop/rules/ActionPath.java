package io.closeloop.rules;

/**
 * What Closeloop does with a decision. Autonomy rules each vote a path; the strictest
 * wins.
 */
public record ActionPath(Path path, String reason) {

	public Path getPath() {
		return this.path;
	}

	public String getReason() {
		return this.reason;
	}

	/** From least to most cautious. */
	public enum Path {

		/** Run the remediation without asking. */
		ACT,
		/** Run it after a technician approves. */
		APPROVE,
		/**
		 * Run nothing; record what would have been done and hand the alert to a person.
		 */
		SHADOW,
		/** Run nothing; hand the alert to a person. */
		PERSON;

		public Path stricter(Path other) {
			return (other.ordinal() > ordinal()) ? other : this;
		}

	}

}
