package io.closeloop.engine.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Fits a least-squares line through a series' samples and projects when it reaches
 * exhaustion. It speaks only when the evidence is good: enough samples, over enough time,
 * a line that fits, heading the wrong way, and arriving within the horizon.
 */
@Component
class TrendDetector {

	private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

	private final TrendSettings settings;

	TrendDetector(TrendSettings settings) {
		this.settings = settings;
	}

	Optional<Projection> detect(String metric, List<Reading> readings) {
		Optional<Exhaustion> exhaustion = Exhaustion.of(metric);
		if (exhaustion.isEmpty() || readings.isEmpty()) {
			return Optional.empty();
		}
		List<Reading> series = windowed(readings);
		Instant first = series.get(0).at();
		Reading last = series.get(series.size() - 1);
		if (series.size() < this.settings.minSamples()
				|| Duration.between(first, last.at()).compareTo(this.settings.minSpan()) < 0) {
			return Optional.empty();
		}
		Line line = Line.fit(series, first);
		if (line.rSquared() < this.settings.minRSquared() || !exhaustion.get().approachedBy(line.slope())) {
			return Optional.empty();
		}
		double exhaustionDay = (exhaustion.get().level() - line.intercept()) / line.slope();
		double daysLeft = Math.max(0, exhaustionDay - days(first, last.at()));
		if (daysLeft * SECONDS_PER_DAY > this.settings.horizon().toSeconds()) {
			return Optional.empty();
		}
		Instant exhaustionAt = last.at()
			.plusSeconds(Math.round(daysLeft * SECONDS_PER_DAY))
			.truncatedTo(ChronoUnit.SECONDS);
		return Optional.of(new Projection(exhaustion.get(), last.value(), line.slope(), line.rSquared(), series.size(),
				last.at(), exhaustionAt, daysLeft));
	}

	/**
	 * The readings within the window before the newest one, oldest first, one per time:
	 * an RMM retrying a delivery must not weigh its samples twice.
	 */
	private List<Reading> windowed(List<Reading> readings) {
		Instant newest = readings.stream().map(Reading::at).max(Comparator.naturalOrder()).orElseThrow();
		Instant from = newest.minus(this.settings.window());
		Map<Instant, Reading> byTime = new LinkedHashMap<>();
		readings.stream()
			.filter((reading) -> !reading.at().isBefore(from))
			.forEach((reading) -> byTime.put(reading.at(), reading));
		List<Reading> series = new ArrayList<>(byTime.values());
		series.sort(Comparator.comparing(Reading::at));
		return series;
	}

	private static double days(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0 / SECONDS_PER_DAY;
	}

	/**
	 * A least-squares line over days since the first reading (small numbers keep the sums
	 * precise), with its coefficient of determination.
	 */
	private record Line(double slope, double intercept, double rSquared) {

		static Line fit(List<Reading> series, Instant origin) {
			int n = series.size();
			double meanX = 0;
			double meanY = 0;
			for (Reading reading : series) {
				meanX += days(origin, reading.at()) / n;
				meanY += reading.value() / n;
			}
			double sxx = 0;
			double sxy = 0;
			double syy = 0;
			for (Reading reading : series) {
				double dx = days(origin, reading.at()) - meanX;
				double dy = reading.value() - meanY;
				sxx += dx * dx;
				sxy += dx * dy;
				syy += dy * dy;
			}
			if (sxx == 0 || syy == 0) {
				// All at one time, or a flat line: no trend to speak of.
				return new Line(0, meanY, 0);
			}
			double slope = sxy / sxx;
			return new Line(slope, meanY - slope * meanX, (sxy * sxy) / (sxx * syy));
		}

	}

}
