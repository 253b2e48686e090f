package io.closeloop.rules;

/**
 * The client marked the device production
 * ({@code closeloop.clients.<tenant>.production-devices}): no fix runs on it without a
 * technician.
 */
public record ProductionDevice(String deviceId) {

	public String getDeviceId() {
		return this.deviceId;
	}

}
