package io.closeloop.workers.connector.ninjaone;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the NinjaOne connector ({@code closeloop.rmm.ninjaone.*}).
 *
 * @param region the instance's region, one of {@code app} (US), {@code us2}, {@code eu},
 * {@code ca}, {@code oc}; the API is at {@code https://{region}.ninjarmm.com}
 * @param url the API host, instead of the region (a test stand-in, a proxy)
 * @param clientId the API client app's id
 * @param clientSecret the API client app's secret; from the environment
 * @param refreshToken a refresh token from the authorization code flow, when set used
 * instead of the client credentials grant: NinjaOne runs scripts only for tokens with a
 * user context; from the environment
 * @param scope the scopes asked for in the client credentials grant
 * @param scripts remediation name (from the catalog) → NinjaOne script id
 * @param checks verification check name (from the catalog) → id of a script that succeeds
 * when the check passes
 * @param scriptParameters remediation or check name → the parameters string passed to its
 * script; none when absent
 * @param runAs the credential role the scripts run as
 * @param scriptActivityTypes the device activity types that report a script run started
 * through the API
 * @param tokenRefreshBefore how long before its expiry a token is replaced
 * @param checkPollInterval how often a running check is looked at
 * @param checkTimeout how long a check may take before the verification counts as an
 * outage
 * @param http timeouts and retries
 * @param organizations Closeloop tenant → the id of its NinjaOne organization: a device
 * is acted on only when NinjaOne reports it in the alert's tenant's organization
 */
@ConfigurationProperties("closeloop.rmm.ninjaone")
public record NinjaOneRmmProperties(String region, URI url, String clientId, Secret clientSecret, Secret refreshToken,
		@DefaultValue("monitoring management control") String scope, Map<String, Integer> scripts,
		Map<String, Integer> checks, Map<String, String> scriptParameters, @DefaultValue("system") String runAs,
		@DefaultValue( {
				"ACTION", "SCRIPTING" }) List<String> scriptActivityTypes,
		@DefaultValue("PT5M") Duration tokenRefreshBefore, @DefaultValue("PT5S") Duration checkPollInterval,
		@DefaultValue("PT1M") Duration checkTimeout, @DefaultValue HttpSettings http,
		Map<String, Integer> organizations){

	/** NinjaOne's regional instances, each at {@code https://{region}.ninjarmm.com}. */
	static final Set<String> REGIONS = Set.of("app", "us2", "eu", "ca", "oc");

	public NinjaOneRmmProperties {
		if (url == null) {
			String name = (region != null) ? region.strip().toLowerCase(Locale.ROOT) : "";
			if (!REGIONS.contains(name)) {
				throw new IllegalArgumentException(
						"closeloop.rmm.ninjaone.region must be one of " + REGIONS.stream().sorted().toList()
								+ " (or closeloop.rmm.ninjaone.url set) to use NinjaOne, was '" + region + "'");
			}
			url = URI.create("https://" + name + ".ninjarmm.com");
		}
		if (clientId == null || clientId.isBlank() || clientSecret == null || !clientSecret.isSet()) {
			throw new IllegalArgumentException(
					"closeloop.rmm.ninjaone.client-id and client-secret must be set (from the environment) to use NinjaOne");
		}
		scripts = (scripts != null) ? Map.copyOf(scripts) : Map.of();
		checks = (checks != null) ? Map.copyOf(checks) : Map.of();
		scriptParameters = (scriptParameters != null) ? Map.copyOf(scriptParameters) : Map.of();
		organizations = (organizations != null) ? Map.copyOf(organizations) : Map.of();
		scriptActivityTypes = (scriptActivityTypes != null && !scriptActivityTypes.isEmpty())
				? List.copyOf(scriptActivityTypes) : List.of("ACTION", "SCRIPTING");
	}

	/** Whether tokens come from a refresh token (with a user context). */
	boolean userContext() {
		return this.refreshToken != null && this.refreshToken.isSet();
	}

}
