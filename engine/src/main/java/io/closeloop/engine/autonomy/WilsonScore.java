package io.closeloop.engine.autonomy;

/**
 * The Wilson score interval's lower bound: how low the true success rate may plausibly
 * be, given the outcomes seen. Unlike the plain ratio it rewards evidence: 3 of 3 is not
 * 100% sure.
 */
final class WilsonScore {

	/** The normal quantile for a two-sided 95% interval. */
	private static final double Z = 1.959964;

	private WilsonScore() {
	}

	static double lowerBound(int successes, int outcomes) {
		if (outcomes <= 0) {
			return 0.0;
		}
		double n = outcomes;
		double p = successes / n;
		double z2 = Z * Z;
		double centre = p + z2 / (2 * n);
		double margin = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
		return (centre - margin) / (1 + z2 / n);
	}

}
