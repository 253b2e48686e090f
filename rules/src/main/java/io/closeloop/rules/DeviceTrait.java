package io.closeloop.rules;

/**
 * Something the policy cares about that classification derived from the alert: the device
 * is a server, the alert is a security incident, the service is business critical.
 */
public record DeviceTrait(Kind kind, String because) {

	public Kind getKind() {
		return this.kind;
	}

	public String getBecause() {
		return this.because;
	}

	public enum Kind {

		SERVER, WORKSTATION, SECURITY_INCIDENT, HARDWARE_FAILURE, CRITICAL_SERVICE, PRODUCTION_DATA,
		/**
		 * What protects the machine (antivirus, EDR, firewall, backup) is stopped,
		 * disabled or removed: perhaps by an attacker, perhaps on purpose, never for a
		 * fix to undo alone.
		 */
		PROTECTIVE_SERVICE,
		/**
		 * The device runs production equipment or is one the client marked production.
		 */
		PRODUCTION_DEVICE

	}

}
