package io.closeloop.rules;

/** The device is one of the client's production database servers. */
public record ProductionDatabaseServer(String deviceId) {

	public String getDeviceId() {
		return this.deviceId;
	}

}
