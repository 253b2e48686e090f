package io.closeloop.rules;

/**
 * How far Closeloop may act on a category of alerts. A category earns autonomy by
 * evidence: {@code SHADOW} decides and records what it would have done, {@code APPROVAL}
 * acts after a technician approves, {@code AUTONOMOUS} acts alone on L1 decisions.
 */
public enum AutonomyMode {

	SHADOW, APPROVAL, AUTONOMOUS

}
