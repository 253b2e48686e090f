package io.closeloop.ui.autonomy;

import java.time.Instant;

/** A promotion or demotion, with the evidence behind it. */
public record ModeChange(String category, String fromMode, String toMode, String reason, int outcomes, int successes,
		double lowerBound, Instant at, String by) {

}
