package io.closeloop.engine.autonomy;

import io.closeloop.rules.AutonomyMode;

/**
 * One outcome: how a fix for a category turned out for a client, under the mode and path
 * it was decided with.
 */
public record AutonomyEvidence(long alertId, String tenant, String category, AutonomyMode mode, String tier,
		String path, boolean success, Source source, String detail, String recordedBy) {

	/** Who observed the outcome. */
	public enum Source {

		/** Closeloop's own verification of a fix it ran. */
		AUTOMATED,
		/** A technician reporting what fixed a shadow-mode alert. */
		TECHNICIAN

	}

}
