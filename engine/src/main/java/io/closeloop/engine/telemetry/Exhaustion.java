package io.closeloop.engine.telemetry;

import java.util.Map;
import java.util.Optional;

/**
 * Which way a metric runs out, and at what value: free space runs down to 0 %, used space
 * up to 100 %. Metrics not named here are stored but never forecast.
 */
enum Exhaustion {

	FALLS_TO_ZERO(0.0), RISES_TO_FULL(100.0);

	private static final Map<String, Exhaustion> METRICS = Map.of("diskFreePct", FALLS_TO_ZERO, "memoryFreePct",
			FALLS_TO_ZERO, "diskUsedPct", RISES_TO_FULL, "memoryUsedPct", RISES_TO_FULL);

	private final double level;

	Exhaustion(double level) {
		this.level = level;
	}

	static Optional<Exhaustion> of(String metric) {
		return Optional.ofNullable(METRICS.get(metric));
	}

	/** The value at which the resource is exhausted. */
	double level() {
		return this.level;
	}

	/** Whether a line with this slope heads towards exhaustion. */
	boolean approachedBy(double slope) {
		return (this == FALLS_TO_ZERO) ? slope < 0 : slope > 0;
	}

	/** Whether {@code value} is further from exhaustion than {@code reference}. */
	boolean recoveredBeyond(double value, double reference) {
		return (this == FALLS_TO_ZERO) ? value > reference : value < reference;
	}

}
