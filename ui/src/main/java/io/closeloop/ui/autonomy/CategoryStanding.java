package io.closeloop.ui.autonomy;

import java.time.Instant;

/**
 * A category's mode for a client (or, with tenant {@code *}, for every client without
 * evidence of its own) and the evidence gathered since it last changed.
 *
 * @param lowerBound the Wilson 95% lower bound of the success rate
 */
public record CategoryStanding(String tenant, String category, String mode, int outcomes, int successes,
		double lowerBound, Instant since) {

	/** The tenant of the MSP-wide standings. */
	public static final String EVERY_CLIENT = "*";

	public boolean isEveryClient() {
		return EVERY_CLIENT.equals(this.tenant);
	}

}
