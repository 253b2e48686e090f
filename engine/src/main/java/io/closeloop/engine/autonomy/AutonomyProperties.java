package io.closeloop.engine.autonomy;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.closeloop.rules.AutonomyMode;

/**
 * How categories earn autonomy.
 *
 * @param initialMode the mode of a category seen for the first time (SHADOW unless
 * configured)
 * @param initialModes initial modes of named categories, overriding {@code initialMode}
 * @param minOutcomes outcomes needed, since the last change, before a promotion
 * @param minLowerBound the Wilson 95% lower bound of the success rate a promotion needs
 */
@ConfigurationProperties("closeloop.autonomy")
public record AutonomyProperties(AutonomyMode initialMode, Map<String, AutonomyMode> initialModes, int minOutcomes,
		double minLowerBound) {

	public AutonomyProperties {
		initialMode = (initialMode != null) ? initialMode : AutonomyMode.SHADOW;
		initialModes = (initialModes != null) ? Map.copyOf(initialModes) : Map.of();
		minOutcomes = (minOutcomes > 0) ? minOutcomes : 20;
		minLowerBound = (minLowerBound > 0) ? minLowerBound : 0.9;
	}

	AutonomyMode initialModeOf(String category) {
		return this.initialModes.getOrDefault(category, this.initialMode);
	}

}
