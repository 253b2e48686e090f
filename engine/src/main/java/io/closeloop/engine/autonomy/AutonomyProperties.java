package io.closeloop.engine.autonomy;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.rules.AutonomyMode;

/**
 * How categories earn autonomy ({@code closeloop.autonomy.*}): a new installation starts
 * every category in shadow mode, and categories earn autonomy by evidence.
 *
 * @param initialMode the mode of a category seen for the first time
 * @param initialModes initial modes of named categories, overriding {@code initialMode}
 * @param minOutcomes outcomes needed, since the last change, before a promotion
 * @param minLowerBound the Wilson 95% lower bound of the success rate a promotion needs
 */
@ConfigurationProperties("closeloop.autonomy")
public record AutonomyProperties(@DefaultValue("SHADOW") AutonomyMode initialMode,
		@DefaultValue Map<String, AutonomyMode> initialModes, @DefaultValue("20") int minOutcomes,
		@DefaultValue("0.9") double minLowerBound) {

	public AutonomyProperties {
		initialModes = Map.copyOf(initialModes);
		if (minOutcomes <= 0 || minLowerBound <= 0) {
			throw new IllegalArgumentException("closeloop.autonomy.min-outcomes and min-lower-bound must be positive");
		}
	}

	AutonomyMode initialModeOf(String category) {
		return this.initialModes.getOrDefault(category, this.initialMode);
	}

}
