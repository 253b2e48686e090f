package io.closeloop.ui.autonomy;

import java.util.List;

import io.closeloop.ui.security.TenantScope;

/**
 * How far each category of alerts may be acted on, the evidence behind it, and the
 * technicians' reports of what fixed shadow-mode alerts. The application that records
 * outcomes implements it.
 */
public interface AutonomyBoard {

	List<CategoryStanding> standings();

	/** Outcomes needed since the last change before a promotion. */
	int minOutcomes();

	/** The Wilson lower bound of the success rate a promotion needs. */
	double minLowerBound();

	List<ModeChange> recentChanges(int limit);

	/**
	 * Puts a category in a mode by a supervisor's decision, audited.
	 * @param mode SHADOW, APPROVAL or AUTONOMOUS
	 */
	void setMode(String category, String mode, String supervisor, String reason);

	/**
	 * Records, for an alert decided in shadow mode, whether the fix Closeloop proposed is
	 * what fixed it: the evidence a shadow category earns autonomy by.
	 */
	ShadowOutcome recordShadowOutcome(long alertId, boolean proposedFixWorked, String technician, TenantScope scope);

	/** What became of a technician's shadow-mode report. */
	enum ShadowOutcome {

		RECORDED, ALREADY_RECORDED, NOT_IN_SHADOW, NOT_FOUND

	}

}
