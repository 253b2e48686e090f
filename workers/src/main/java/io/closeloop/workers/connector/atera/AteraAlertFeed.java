package io.closeloop.workers.connector.atera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.rules.ActiveRules;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.http.QueryString;
import io.closeloop.workers.connector.webhook.InboundAlert;

/**
 * Atera's open alerts, for the poll that takes them in: Atera sends no webhook for alerts
 * (its webhooks fire on tickets only), so Closeloop asks. Atera's alert list filters by
 * status only ({@code alertStatus}; no customer, no "since"), so every poll reads every
 * page of open alerts and keeps those of mapped customers; which of them are new is for
 * the caller to tell from what it already holds.
 */
public class AteraAlertFeed {

	private final AteraRmmProperties properties;

	private final AteraApi api;

	private final AteraAlerts alerts;

	AteraAlertFeed(AteraRmmProperties properties, AteraApi api, ActiveRules rules) {
		this.properties = properties;
		this.api = api;
		this.alerts = new AteraAlerts(properties.tenants(), rules);
	}

	/** How long the poll waits between two reads. */
	public Duration pollInterval() {
		return this.properties.pollInterval();
	}

	/**
	 * Every open alert of a mapped customer, page by page.
	 * @throws ConnectorException when Atera cannot be read (an outage, or 429s beyond
	 * what a request waits); nothing of this read should then be taken as complete
	 */
	public OpenAlerts openAlerts() {
		List<InboundAlert> mapped = new ArrayList<>();
		int unmapped = 0;
		int page = 1;
		while (true) {
			JsonNode answer = this.api.get("list-alerts",
					"/alerts" + QueryString.of()
						.with("page", page)
						.with("itemsInPage", this.properties.pageSize())
						.with("alertStatus", "Open"));
			JsonNode items = answer.path("items");
			if (!items.isArray()) {
				throw new ConnectorException("Atera list-alerts answered page " + page + " without 'items'");
			}
			for (JsonNode item : items) {
				if (!item.hasNonNull("AlertID") || item.path("Archived").asBoolean(false)) {
					continue;
				}
				Optional<InboundAlert> alert = this.alerts.translate(item);
				if (alert.isPresent()) {
					mapped.add(alert.get());
				}
				else {
					unmapped++;
				}
			}
			int totalPages = answer.path("totalPages").asInt(page);
			if (items.isEmpty() || page >= totalPages) {
				return new OpenAlerts(mapped, unmapped, page, true);
			}
			if (page >= this.properties.maxPages()) {
				return new OpenAlerts(mapped, unmapped, page, false);
			}
			page++;
		}
	}

	/**
	 * What one read found.
	 *
	 * @param alerts the open alerts of mapped customers
	 * @param unmapped how many open alerts belong to customers mapped to no tenant
	 * @param pages the pages read
	 * @param complete false when the read stopped at {@code max-pages} before the last
	 * page
	 */
	public record OpenAlerts(List<InboundAlert> alerts, int unmapped, int pages, boolean complete) {

		public OpenAlerts {
			alerts = List.copyOf(alerts);
		}

	}

}
