package io.closeloop.workers.connector.datto;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the Datto RMM connector ({@code closeloop.rmm.datto.*}).
 *
 * @param url the platform's API host, e.g. {@code https://merlot-api.centrastage.net};
 * the token is fetched from {@code {url}/auth/oauth/token} and the API is under
 * {@code {url}/api}
 * @param apiKey the API user's key; from the environment
 * @param apiSecret the API user's secret key; from the environment
 * @param scripts remediation name (from the catalog) → component uid of the job to run
 * @param checks verification check name (from the catalog) → component uid of a job that
 * succeeds when the check passes
 * @param tokenRefreshBefore how long before its expiry a token is replaced
 * @param checkPollInterval how often a running check job is looked at
 * @param checkTimeout how long a check job may take before the verification counts as an
 * outage
 * @param http timeouts and retries
 * @param sites Closeloop tenant → the uid of its Datto RMM site: a device is acted on
 * only when Datto reports it in the alert's tenant's site
 */
@ConfigurationProperties("closeloop.rmm.datto")
public record DattoRmmProperties(URI url, Secret apiKey, Secret apiSecret, Map<String, String> scripts,
		Map<String, String> checks, @DefaultValue("PT5M") Duration tokenRefreshBefore,
		@DefaultValue("PT5S") Duration checkPollInterval, @DefaultValue("PT2M") Duration checkTimeout,
		@DefaultValue HttpSettings http, Map<String, String> sites) {

	public DattoRmmProperties {
		if (url == null) {
			throw new IllegalArgumentException("closeloop.rmm.datto.url must be set to use Datto RMM");
		}
		if (apiKey == null || !apiKey.isSet() || apiSecret == null || !apiSecret.isSet()) {
			throw new IllegalArgumentException(
					"closeloop.rmm.datto.api-key and api-secret must be set (from the environment) to use Datto RMM");
		}
		scripts = (scripts != null) ? Map.copyOf(scripts) : Map.of();
		checks = (checks != null) ? Map.copyOf(checks) : Map.of();
		sites = (sites != null) ? Map.copyOf(sites) : Map.of();
	}

}
