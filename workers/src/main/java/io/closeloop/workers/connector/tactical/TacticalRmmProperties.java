package io.closeloop.workers.connector.tactical;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the Tactical RMM connector ({@code closeloop.rmm.tactical.*}).
 *
 * @param url the API's base URL, e.g. {@code https://api.rmm.example.com}
 * @param apiKey the API key (sent as {@code X-API-KEY}); from the environment, never
 * written in a file
 * @param scriptTimeout how long a script may run on the agent; the request that waits for
 * it may take this long plus the read timeout
 * @param scripts remediation name (from the catalog) → Tactical script pk
 * @param checks verification check name (from the catalog) → pk of the script that checks
 * it, which exits 0 when the check passes
 * @param resultPollInterval how often the agent's history is read while a run's result is
 * awaited
 * @param resultTimeout how long after Tactical's answer the run's result may take to
 * appear in the agent's history; a run without one by then has an unknown outcome
 * @param http timeouts and retries
 * @param clients Closeloop tenant → the id (pk) of its Tactical RMM client: a device is
 * acted on only when its agent's site belongs to the alert's tenant's client
 */
@ConfigurationProperties("closeloop.rmm.tactical")
public record TacticalRmmProperties(URI url, Secret apiKey, @DefaultValue("PT5M") Duration scriptTimeout,
		Map<String, Integer> scripts, Map<String, Integer> checks, @DefaultValue("PT2S") Duration resultPollInterval,
		@DefaultValue("PT30S") Duration resultTimeout, @DefaultValue HttpSettings http, Map<String, Integer> clients) {

	public TacticalRmmProperties {
		if (url == null) {
			throw new IllegalArgumentException("closeloop.rmm.tactical.url must be set to use Tactical RMM");
		}
		if (apiKey == null || !apiKey.isSet()) {
			throw new IllegalArgumentException(
					"closeloop.rmm.tactical.api-key must be set (from the environment) to use Tactical RMM");
		}
		if (resultPollInterval == null || resultPollInterval.isNegative() || resultPollInterval.isZero()) {
			throw new IllegalArgumentException(
					"closeloop.rmm.tactical.result-poll-interval must be positive, was " + resultPollInterval);
		}
		if (resultTimeout == null || resultTimeout.isNegative()) {
			throw new IllegalArgumentException(
					"closeloop.rmm.tactical.result-timeout must not be negative, was " + resultTimeout);
		}
		scripts = (scripts != null) ? Map.copyOf(scripts) : Map.of();
		checks = (checks != null) ? Map.copyOf(checks) : Map.of();
		clients = (clients != null) ? Map.copyOf(clients) : Map.of();
	}

}
