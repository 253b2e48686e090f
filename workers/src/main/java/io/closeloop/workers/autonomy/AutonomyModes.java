package io.closeloop.workers.autonomy;

import io.closeloop.rules.AutonomyMode;

/**
 * The autonomy each category has earned for each client, kept by the application that
 * records outcomes. A client without evidence of its own has the MSP-wide mode; a
 * category seen for the first time starts in its configured initial mode.
 */
public interface AutonomyModes {

	AutonomyMode modeOf(String tenant, String category);

}
