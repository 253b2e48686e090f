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

		SERVER, WORKSTATION, SECURITY_INCIDENT, HARDWARE_FAILURE, CRITICAL_SERVICE, PRODUCTION_DATA

	}

}
