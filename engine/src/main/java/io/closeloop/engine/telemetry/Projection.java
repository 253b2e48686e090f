package io.closeloop.engine.telemetry;

import java.time.Instant;

/**
 * A fitted trend that reaches exhaustion within the horizon.
 *
 * @param exhaustion which way the metric runs out
 * @param currentValue the newest sample's value
 * @param slopePerDay the fitted line's change per day
 * @param rSquared how well the line fits, 0 to 1
 * @param samples samples fitted (a time reported twice counts once)
 * @param lastAt the newest sample's time, from which days are counted
 * @param exhaustionAt when the line reaches the exhaustion level (never before
 * {@code lastAt})
 * @param daysLeft days from the newest sample to exhaustion
 */
record Projection(Exhaustion exhaustion, double currentValue, double slopePerDay, double rSquared, int samples,
		Instant lastAt, Instant exhaustionAt, double daysLeft) {

}
