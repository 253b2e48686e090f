package io.closeloop.ui.autonomy;

import java.time.Instant;

/**
 * A promotion or demotion of a category for a client (or, with tenant {@code *}, for
 * every client), with the evidence behind it.
 */
public record ModeChange(String tenant, String category, String fromMode, String toMode, String reason, int outcomes,
		int successes, double lowerBound, Instant at, String by) {

}
