package io.closeloop.workers.connector.ncentral;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the N-able N-central connector ({@code closeloop.rmm.ncentral.*}).
 *
 * @param url the N-central server, e.g. {@code https://ncentral.example.com}; the API is
 * under {@code {url}/api}
 * @param userApiToken the API user's "User-API Token" (a JWT), exchanged for access and
 * refresh tokens; from the environment
 * @param customers Closeloop tenant → N-central customer id, which a direct task needs
 * @param scripts remediation name (from the catalog) → id of the script repository item
 * (with "Enable API" on)
 * @param checks verification check name (from the catalog) → id of a repository item
 * whose task succeeds when the check passes
 * @param taskType the direct task's type: {@code Script}, {@code AutomationPolicy} or
 * {@code MacScript}
 * @param credentialType the credentials the task runs with: {@code LocalSystem} or
 * {@code DeviceCredentials}
 * @param succeededStatuses task statuses that mean the run succeeded (case ignored)
 * @param failedStatuses task statuses that mean the run ended without success; any other
 * status means it is still going
 * @param onlineWithin how recently the device's agent must have checked in to count as
 * online
 * @param tokenRefreshBefore how long before its expiry an access or refresh token is
 * replaced
 * @param checkPollInterval how often a running check is looked at
 * @param checkTimeout how long a check may take before the verification counts as an
 * outage
 * @param http timeouts and retries
 */
@ConfigurationProperties("closeloop.rmm.ncentral")
public record NcentralRmmProperties(URI url, Secret userApiToken, Map<String, Integer> customers,
		Map<String, Integer> scripts, Map<String, Integer> checks, @DefaultValue("Script") String taskType,
		@DefaultValue("LocalSystem") String credentialType, @DefaultValue( {
				"Success", "Completed" }) List<String> succeededStatuses,
		@DefaultValue({ "Failed", "Failure", "Error", "Cancelled", "Canceled", "Aborted", "Timed Out",
				"Expired" }) List<String> failedStatuses,
		@DefaultValue("PT30M") Duration onlineWithin, @DefaultValue("PT5M") Duration tokenRefreshBefore,
		@DefaultValue("PT5S") Duration checkPollInterval, @DefaultValue("PT1M") Duration checkTimeout,
		@DefaultValue HttpSettings http){

	public NcentralRmmProperties {
		if (url == null) {
			throw new IllegalArgumentException("closeloop.rmm.ncentral.url must be set to use N-central");
		}
		if (userApiToken == null || !userApiToken.isSet()) {
			throw new IllegalArgumentException(
					"closeloop.rmm.ncentral.user-api-token must be set (from the environment) to use N-central");
		}
		customers = (customers != null) ? Map.copyOf(customers) : Map.of();
		scripts = (scripts != null) ? Map.copyOf(scripts) : Map.of();
		checks = (checks != null) ? Map.copyOf(checks) : Map.of();
		succeededStatuses = List.copyOf(succeededStatuses);
		failedStatuses = List.copyOf(failedStatuses);
	}

}
