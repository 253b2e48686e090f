package io.closeloop.engine.telemetry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a trend in a device's metric is worth a scheduled-maintenance ticket.
 *
 * @param horizon how far ahead a projected exhaustion opens a ticket
 * @param window how much of a series is kept and fitted, counted back from its newest
 * sample
 * @param minSamples samples a series needs before it is fitted at all
 * @param minSpan time the samples must cover, so a burst of samples does not count as a
 * trend
 * @param minRSquared how well the line must fit (0 to 1), so noise does not open tickets
 */
@ConfigurationProperties("closeloop.trends")
public record TrendSettings(Duration horizon, Duration window, Integer minSamples, Duration minSpan,
		Double minRSquared) {

	public TrendSettings {
		horizon = (horizon != null) ? horizon : Duration.ofDays(7);
		window = (window != null) ? window : Duration.ofDays(14);
		minSamples = (minSamples != null) ? minSamples : 6;
		minSpan = (minSpan != null) ? minSpan : Duration.ofHours(6);
		minRSquared = (minRSquared != null) ? minRSquared : 0.6;
		// A line through two points always fits perfectly: it would prove nothing.
		if (minSamples < 3) {
			throw new IllegalArgumentException("closeloop.trends.min-samples must be at least 3, not " + minSamples);
		}
		if (minRSquared < 0 || minRSquared > 1) {
			throw new IllegalArgumentException(
					"closeloop.trends.min-r-squared must be between 0 and 1, not " + minRSquared);
		}
		if (window.compareTo(minSpan) < 0) {
			throw new IllegalArgumentException("closeloop.trends.window (" + window
					+ ") must be at least closeloop.trends.min-span (" + minSpan + ")");
		}
	}

}
