package io.closeloop.workers.connector;

import java.util.Objects;

/**
 * Whether the device an alert names belongs to the alert's tenant, as the RMM answers it.
 * The alert's tenant comes from the caller's credentials, its device id from the caller's
 * payload: only the RMM knows whose the device is, so nothing is read from or done to a
 * device before the RMM has answered this.
 *
 * @param inScope whether the device is the tenant's
 * @param finding what was asked and answered, for the alert's timeline; when the device
 * is another client's, it names nothing of that client
 */
public record DeviceScope(boolean inScope, String finding) {

	/**
	 * The answer, from the tenant's client as configured and the device's client as the
	 * RMM reports it.
	 * @param deviceId the device the alert names
	 * @param tenant the alert's tenant
	 * @param client what the RMM calls a client, with its name ("Datto RMM site")
	 * @param configured the tenant's client in the RMM; null when none is configured
	 * @param setting the setting that maps the tenant to its client
	 * @param reported the device's client as the RMM reports it; null when it reports
	 * none
	 */
	public static DeviceScope judged(String deviceId, String tenant, String client, Object configured, String setting,
			Object reported) {
		if (configured == null) {
			return new DeviceScope(false, "no " + client + " is configured for tenant " + tenant + " (set " + setting
					+ "." + tenant + "), so no device is known to be its");
		}
		if (reported == null) {
			return new DeviceScope(false, "the RMM reports no " + client + " for device " + deviceId);
		}
		if (!Objects.equals(String.valueOf(configured), String.valueOf(reported))) {
			return new DeviceScope(false,
					"device " + deviceId + " is not in " + client + " " + configured + " (tenant " + tenant + "'s)");
		}
		return new DeviceScope(true,
				"device " + deviceId + " is in " + client + " " + configured + " (tenant " + tenant + "'s)");
	}

	/** The RMM does not know the device: nothing may be done to it. */
	public static DeviceScope unknown(String deviceId, String system) {
		return new DeviceScope(false, system + " knows no device " + deviceId);
	}

}
