package io.closeloop.ui.autonomy;

import java.time.Instant;

/**
 * A category's mode and the evidence gathered since it last changed.
 *
 * @param lowerBound the Wilson 95% lower bound of the success rate
 */
public record CategoryStanding(String category, String mode, int outcomes, int successes, double lowerBound,
		Instant since) {

}
