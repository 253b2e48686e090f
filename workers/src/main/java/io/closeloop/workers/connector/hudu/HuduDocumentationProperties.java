package io.closeloop.workers.connector.hudu;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the Hudu documentation connector ({@code closeloop.docs.hudu.*}).
 *
 * @param url the instance, e.g. {@code https://docs.example.com}; the API is under
 * {@code {url}/api/v1}
 * @param apiKey the API key (sent as {@code x-api-key}); from the environment
 * @param companies tenant → Hudu company id; a tenant not listed is looked up by name,
 * which is slower and can pick the wrong one
 * @param topics alert type → the name to search articles and procedures for, e.g.
 * {@code disk.space.low: disk}; an alert type without a topic gets none
 * @param maxLinks the most links one alert gets
 * @param http timeouts and retries; unless set, shorter than other connectors', since the
 * lookup delays every alert's enrichment and nothing waits for its result
 */
@ConfigurationProperties("closeloop.docs.hudu")
public record HuduDocumentationProperties(URI url, Secret apiKey, Map<String, Long> companies,
		Map<String, String> topics, @DefaultValue("5") int maxLinks, HttpSettings http) {

	/**
	 * At most two attempts of ten seconds per call: a lookup of a few calls stays well
	 * within the enrichment job's timeout when the system hangs.
	 */
	static final HttpSettings DOCUMENTATION_HTTP = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
			Duration.ofSeconds(1), Duration.ofSeconds(10));

	public HuduDocumentationProperties {
		if (url == null) {
			throw new IllegalArgumentException("closeloop.docs.hudu.url must be set to the Hudu instance to use Hudu");
		}
		if (apiKey == null || !apiKey.isSet()) {
			throw new IllegalArgumentException(
					"closeloop.docs.hudu.api-key must be set (from the environment) to use Hudu");
		}
		http = (http != null) ? http : DOCUMENTATION_HTTP;
		if (maxLinks < 1) {
			throw new IllegalArgumentException("closeloop.docs.hudu.max-links must be at least 1, was " + maxLinks);
		}
		companies = (companies != null) ? Map.copyOf(companies) : Map.of();
		topics = (topics != null) ? Map.copyOf(topics) : Map.of();
	}

}
