package io.closeloop.workers.connector.atera;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the Atera connector ({@code closeloop.rmm.atera.*}).
 *
 * @param url Atera's API host; the API is under {@code {url}/api/v3}
 * @param apiKey the account's API key (or token), from the environment
 * @param scheme how the key is sent: {@code X_API_KEY} (the {@code X-API-KEY} header
 * Atera's own samples use) or {@code BEARER} ({@code Authorization: Bearer}, for the JWT
 * tokens Atera now issues)
 * @param customers Closeloop tenant → Atera customer id ({@code CustomerID}); the poll
 * takes in only the alerts of these customers, and a device of any other customer is out
 * of scope
 * @param requestsPerMinute the most requests Closeloop sends Atera in a minute, spread
 * evenly; Atera publishes no figure, so it stays below the 700 integrators report
 * @param pollInterval the wait between the end of one poll of open alerts and the start
 * of the next
 * @param pageSize alerts asked for per page (at most 50, Atera's largest documented page)
 * @param maxPages the most pages one poll reads, so an endless paging answer cannot hold
 * the poll
 * @param http timeouts and retries
 */
@ConfigurationProperties("closeloop.rmm.atera")
public record AteraRmmProperties(@DefaultValue("https://app.atera.com") URI url, Secret apiKey,
		@DefaultValue("X_API_KEY") Scheme scheme, Map<String, Long> customers,
		@DefaultValue("600") int requestsPerMinute, @DefaultValue("PT1M") Duration pollInterval,
		@DefaultValue("50") int pageSize, @DefaultValue("200") int maxPages, @DefaultValue HttpSettings http) {

	/**
	 * The largest page Atera documents ({@code itemsInPage}, "max is 50" for agents and
	 * customers; the alert list states no maximum).
	 */
	static final int MAX_PAGE_SIZE = 50;

	public AteraRmmProperties {
		if (url == null) {
			throw new IllegalArgumentException("closeloop.rmm.atera.url must be set to use Atera");
		}
		if (apiKey == null || !apiKey.isSet()) {
			throw new IllegalArgumentException(
					"closeloop.rmm.atera.api-key must be set (from the environment) to use Atera");
		}
		if (requestsPerMinute < 1) {
			throw new IllegalArgumentException(
					"closeloop.rmm.atera.requests-per-minute must be at least 1, was " + requestsPerMinute);
		}
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("closeloop.rmm.atera.page-size must be between 1 and " + MAX_PAGE_SIZE
					+ " (Atera's largest page), was " + pageSize);
		}
		if (maxPages < 1) {
			throw new IllegalArgumentException("closeloop.rmm.atera.max-pages must be at least 1, was " + maxPages);
		}
		if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("closeloop.rmm.atera.poll-interval must be positive");
		}
		customers = (customers != null) ? Map.copyOf(customers) : Map.of();
		tenantsOf(customers);
	}

	/** Atera customer id → tenant; a customer mapped to two tenants stops the start. */
	Map<Long, String> tenants() {
		return tenantsOf(this.customers);
	}

	private static Map<Long, String> tenantsOf(Map<String, Long> customers) {
		Map<Long, String> tenants = new HashMap<>();
		customers.forEach((tenant, customer) -> {
			String other = tenants.putIfAbsent(customer, tenant);
			if (other != null) {
				throw new IllegalArgumentException("closeloop.rmm.atera.customers maps Atera customer " + customer
						+ " to both " + other + " and " + tenant + "; each customer is one tenant's");
			}
		});
		return Map.copyOf(tenants);
	}

	/** How the API key is sent. */
	public enum Scheme {

		/** {@code X-API-KEY: <key>}. */
		X_API_KEY,
		/** {@code Authorization: Bearer <token>}. */
		BEARER

	}

}
