package io.closeloop.ui.autonomy;

import java.util.List;

import io.closeloop.ui.security.TenantScope;

/**
 * How far each category of alerts may be acted on, for each client, the evidence behind
 * it, and the technicians' reports of what fixed shadow-mode alerts. The application that
 * records outcomes implements it.
 */
public interface AutonomyBoard {

	/**
	 * The MSP-wide standings, and those of the clients in scope: a client's own standing
	 * and its evidence are shown only to those who may see the client.
	 */
	List<CategoryStanding> standings(TenantScope scope);

	/** Outcomes needed since the last change before a promotion. */
	int minOutcomes();

	/** The Wilson lower bound of the success rate a promotion needs. */
	double minLowerBound();

	/** The latest changes of the MSP-wide standings and of the clients in scope. */
	List<ModeChange> recentChanges(int limit, TenantScope scope);

	/**
	 * Puts a category in a mode for a client, or for every client without evidence of its
	 * own ({@code *}), by a supervisor's decision, audited. A supervisor may change only
	 * the clients in scope, and the MSP-wide standing only with every client in scope.
	 * @param mode SHADOW, APPROVAL or AUTONOMOUS
	 */
	ModeSet setMode(String tenant, String category, String mode, String supervisor, String reason, TenantScope scope);

	/**
	 * Records, for an alert decided in shadow mode, whether the fix Closeloop proposed is
	 * what fixed it: the evidence a shadow category earns autonomy by.
	 */
	ShadowOutcome recordShadowOutcome(long alertId, boolean proposedFixWorked, String technician, TenantScope scope);

	/** What became of a supervisor's change of mode. */
	enum ModeSet {

		SET,
		/** The supervisor may not change that client's (or every client's) mode. */
		NOT_ALLOWED

	}

	/** What became of a technician's shadow-mode report. */
	enum ShadowOutcome {

		RECORDED, ALREADY_RECORDED, NOT_IN_SHADOW, NOT_FOUND

	}

}
