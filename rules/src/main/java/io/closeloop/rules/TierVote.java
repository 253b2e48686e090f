package io.closeloop.rules;

/**
 * One policy rule's view of the boundary. The decision takes the highest tier voted, so a
 * rule can only ever make the boundary stricter.
 */
public record TierVote(Tier tier, String reason) {

	public Tier getTier() {
		return this.tier;
	}

	public String getReason() {
		return this.reason;
	}

}
