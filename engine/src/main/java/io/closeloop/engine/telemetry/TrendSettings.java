package io.closeloop.engine.telemetry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a trend in a device's metric is worth a scheduled-maintenance ticket
 * ({@code closeloop.trends.*}): a trend projecting exhaustion within the horizon opens
 * one, if at least {@code minSamples} samples over {@code minSpan} fit a line with R² of
 * at least {@code minRSquared}.
 *
 * @param horizon how far ahead a projected exhaustion opens a ticket
 * @param window how much of a series is kept and fitted, counted back from its newest
 * sample; at least {@code minSpan}
 * @param minSamples samples a series needs before it is fitted at all; at least 3
 * @param minSpan time the samples must cover, so a burst of samples does not count as a
 * trend
 * @param minRSquared how well the line must fit (0 to 1), so noise does not open tickets
 */
@ConfigurationProperties("closeloop.trends")
public record TrendSettings(@DefaultValue("P7D") Duration horizon, @DefaultValue("P14D") Duration window,
		@DefaultValue("6") int minSamples, @DefaultValue("PT6H") Duration minSpan,
		@DefaultValue("0.6") double minRSquared) {

	public TrendSettings {
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
