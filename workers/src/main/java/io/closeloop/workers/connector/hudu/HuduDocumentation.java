package io.closeloop.workers.connector.hudu;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.DocumentationConnector;
import io.closeloop.workers.connector.DocumentationLink;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Hudu: the tenant's company (by configured id, else by name), the company's asset named
 * like the alert's host, and the company's articles and procedures whose name matches the
 * alert's topic.
 */
public class HuduDocumentation implements DocumentationConnector {

	private final HuduDocumentationProperties properties;

	private final HuduApi api;

	private final String instance;

	HuduDocumentation(HuduDocumentationProperties properties, HuduApi api) {
		this.properties = properties;
		this.api = api;
		this.instance = HuduApi.instance(properties);
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static HuduDocumentation create(HuduDocumentationProperties properties, ObjectMapper mapper, Clock clock) {
		VendorHttp http = new VendorHttp(HuduApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.apiKey()), clock);
		return new HuduDocumentation(properties, new HuduApi(properties, http, new VendorJson(mapper)));
	}

	@Override
	public String system() {
		return HuduApi.VENDOR.name();
	}

	@Override
	public List<DocumentationLink> lookUp(AlertContext alert) {
		JsonNode company = company(alert.tenant());
		if (company == null) {
			return List.of();
		}
		String companyId = VendorJson.required(company, "id", HuduApi.VENDOR.displayName(), "company").asText();
		List<DocumentationLink> links = new ArrayList<>();
		links.add(new DocumentationLink("company", VendorJson.text(company, "name"), url(company),
				DocumentationLink.snippet(firstText(company, "notes", "company_type"))));
		String hostname = (alert.device() != null) ? alert.device().hostname() : null;
		if (hostname != null && !hostname.isBlank()) {
			JsonNode asset = asset(companyId, hostname);
			if (asset != null) {
				links.add(new DocumentationLink("asset", VendorJson.text(asset, "name"), url(asset),
						DocumentationLink.snippet(assetSummary(asset))));
			}
		}
		String topic = this.properties.topics().get(alert.type());
		if (topic != null && !topic.isBlank()) {
			named(companyId, topic, "/articles", "articles", "article", links);
			named(companyId, topic, "/procedures", "procedures", "procedure", links);
		}
		return (links.size() > this.properties.maxLinks()) ? links.subList(0, this.properties.maxLinks()) : links;
	}

	private JsonNode company(String tenant) {
		Long id = this.properties.companies().get(tenant);
		if (id != null) {
			JsonNode answer = this.api.get("company", "/companies/" + id, Map.of());
			JsonNode company = answer.has("company") ? answer.get("company") : answer;
			if (!company.isObject()) {
				throw new ConnectorException(HuduApi.VENDOR.displayName() + " company answered no company");
			}
			return company;
		}
		return first(list(this.api.get("company-by-name", "/companies", Map.of("name", tenant)), "companies",
				"company-by-name"));
	}

	private JsonNode asset(String companyId, String hostname) {
		Map<String, String> filter = new LinkedHashMap<>();
		filter.put("company_id", companyId);
		filter.put("name", hostname);
		JsonNode assets = list(this.api.get("asset", "/assets", filter), "assets", "asset");
		// The name filter may match more than the host: the host itself first.
		for (JsonNode asset : assets) {
			if (hostname.equalsIgnoreCase(VendorJson.text(asset, "name"))) {
				return asset;
			}
		}
		return first(assets);
	}

	private void named(String companyId, String topic, String path, String field, String kind,
			List<DocumentationLink> links) {
		if (links.size() >= this.properties.maxLinks()) {
			return;
		}
		Map<String, String> filter = new LinkedHashMap<>();
		filter.put("company_id", companyId);
		filter.put("name", topic);
		filter.put("page_size", Integer.toString(this.properties.maxLinks()));
		for (JsonNode item : list(this.api.get(field, path, filter), field, field)) {
			links.add(new DocumentationLink(kind, VendorJson.text(item, "name"), url(item),
					DocumentationLink.snippet(firstText(item, "content", "description"))));
		}
	}

	/** Hudu answers absolute links; a relative one is resolved against the instance. */
	private String url(JsonNode item) {
		String url = VendorJson.text(item, "url");
		if (url == null || url.isBlank()) {
			return null;
		}
		return url.startsWith("/") ? this.instance + url : url;
	}

	private static String assetSummary(JsonNode asset) {
		StringJoiner summary = new StringJoiner(", ");
		for (String field : List.of("asset_type", "primary_model", "primary_serial")) {
			String value = VendorJson.text(asset, field);
			if (value != null && !value.isBlank()) {
				summary.add(value);
			}
		}
		for (JsonNode field : asset.path("fields")) {
			String label = VendorJson.text(field, "label");
			String value = VendorJson.text(field, "value");
			if (label != null && value != null && !value.isBlank()) {
				summary.add(label + ": " + value);
			}
		}
		return summary.toString();
	}

	private static String firstText(JsonNode item, String... fields) {
		for (String field : fields) {
			String value = VendorJson.text(item, field);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static JsonNode first(JsonNode items) {
		return items.isEmpty() ? null : items.get(0);
	}

	private static JsonNode list(JsonNode answer, String field, String operation) {
		JsonNode items = VendorJson.required(answer, field, HuduApi.VENDOR.displayName(), operation);
		if (!items.isArray()) {
			throw new ConnectorException(
					HuduApi.VENDOR.displayName() + " " + operation + " answered '" + field + "' that is not a list");
		}
		return items;
	}

}
