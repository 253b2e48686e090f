package io.closeloop.workers.autonomy;

import io.closeloop.rules.AutonomyMode;

/**
 * The autonomy each category has earned, kept by the application that records outcomes. A
 * category seen for the first time starts in its configured initial mode.
 */
public interface AutonomyModes {

	AutonomyMode modeOf(String category);

}
