package io.closeloop.workers.connector.itglue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the IT Glue documentation connector ({@code closeloop.docs.itglue.*}).
 *
 * @param url the API host: {@code https://api.itglue.com},
 * {@code https://api.eu.itglue.com} or {@code https://api.au.itglue.com}
 * @param apiKey the API key (sent as {@code x-api-key}); from the environment
 * @param organizations tenant → IT Glue organization id; a tenant not listed is looked up
 * by name, which is slower and can pick the wrong one
 * @param flexibleAssetTypeIds the flexible asset types holding runbooks or procedures,
 * searched by the alert's topic
 * @param topics alert type → the name to search runbooks for, e.g. {@code disk.space.low:
 * disk}; an alert type without a topic gets no runbooks
 * @param maxLinks the most links one alert gets
 * @param http timeouts and retries; unless set, shorter than other connectors', since the
 * lookup delays every alert's enrichment and nothing waits for its result
 */
@ConfigurationProperties("closeloop.docs.itglue")
public record ItGlueDocumentationProperties(@DefaultValue("https://api.itglue.com") URI url, Secret apiKey,
		Map<String, Long> organizations, List<Long> flexibleAssetTypeIds, Map<String, String> topics,
		@DefaultValue("5") int maxLinks, HttpSettings http) {

	/**
	 * At most two attempts of ten seconds per call: a lookup of a few calls stays well
	 * within the enrichment job's timeout when the system hangs.
	 */
	static final HttpSettings DOCUMENTATION_HTTP = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
			Duration.ofSeconds(1), Duration.ofSeconds(10));

	public ItGlueDocumentationProperties {
		if (url == null) {
			throw new IllegalArgumentException("closeloop.docs.itglue.url must be set to use IT Glue");
		}
		if (apiKey == null || !apiKey.isSet()) {
			throw new IllegalArgumentException(
					"closeloop.docs.itglue.api-key must be set (from the environment) to use IT Glue");
		}
		http = (http != null) ? http : DOCUMENTATION_HTTP;
		if (maxLinks < 1) {
			throw new IllegalArgumentException("closeloop.docs.itglue.max-links must be at least 1, was " + maxLinks);
		}
		organizations = (organizations != null) ? Map.copyOf(organizations) : Map.of();
		flexibleAssetTypeIds = (flexibleAssetTypeIds != null) ? List.copyOf(flexibleAssetTypeIds) : List.of();
		topics = (topics != null) ? Map.copyOf(topics) : Map.of();
	}

}
