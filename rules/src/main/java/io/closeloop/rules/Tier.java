package io.closeloop.rules;

/** The escalation boundary a decision lands behind. */
public enum Tier {

	/** Act alone. */
	L1,
	/** Act after a technician approves. */
	L2,
	/** A person handles it; never acted on automatically. */
	L3;

	public Tier max(Tier other) {
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
