package io.closeloop.workers.connector.itglue;

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
 * IT Glue: the tenant's organization (by configured id, else by name), the configuration
 * named like the alert's host, and the flexible assets (runbooks) of the configured types
 * whose name matches the alert's topic. Every link is the item's {@code resource-url}.
 */
public class ItGlueDocumentation implements DocumentationConnector {

	private final ItGlueDocumentationProperties properties;

	private final ItGlueApi api;

	ItGlueDocumentation(ItGlueDocumentationProperties properties, ItGlueApi api) {
		this.properties = properties;
		this.api = api;
	}

	/** The connector with everything it needs, for the configuration and for tests. */
	public static ItGlueDocumentation create(ItGlueDocumentationProperties properties, ObjectMapper mapper,
			Clock clock) {
		VendorHttp http = new VendorHttp(ItGlueApi.VENDOR.displayName(), properties.http(),
				new Redactor(properties.apiKey()), clock);
		return new ItGlueDocumentation(properties, new ItGlueApi(properties, http, new VendorJson(mapper)));
	}

	@Override
	public String system() {
		return ItGlueApi.VENDOR.name();
	}

	@Override
	public List<DocumentationLink> lookUp(AlertContext alert) {
		JsonNode organization = organization(alert.tenant());
		if (organization == null) {
			return List.of();
		}
		String organizationId = VendorJson.required(organization, "id", ItGlueApi.VENDOR.displayName(), "organization")
			.asText();
		JsonNode attributes = organization.path("attributes");
		List<DocumentationLink> links = new ArrayList<>();
		links.add(new DocumentationLink("organization", VendorJson.text(attributes, "name"),
				VendorJson.text(attributes, "resource-url"), DocumentationLink
					.snippet(firstText(attributes, "quick-notes", "description", "organization-type-name"))));
		String hostname = (alert.device() != null) ? alert.device().hostname() : null;
		if (hostname != null && !hostname.isBlank()) {
			JsonNode configuration = configuration(organizationId, hostname);
			if (configuration != null) {
				links.add(configurationLink(configuration.path("attributes")));
			}
		}
		String topic = this.properties.topics().get(alert.type());
		if (topic != null && !topic.isBlank()) {
			for (Long type : this.properties.flexibleAssetTypeIds()) {
				if (links.size() >= this.properties.maxLinks()) {
					break;
				}
				runbooks(organizationId, type, topic, links);
			}
		}
		return (links.size() > this.properties.maxLinks()) ? links.subList(0, this.properties.maxLinks()) : links;
	}

	private JsonNode organization(String tenant) {
		Long id = this.properties.organizations().get(tenant);
		if (id != null) {
			JsonNode organization = this.api.get("organization", "/organizations/" + id, Map.of());
			if (!organization.isObject()) {
				throw new ConnectorException(
						ItGlueApi.VENDOR.displayName() + " organization answered 'data' that is not one item");
			}
			return organization;
		}
		Map<String, String> filter = new LinkedHashMap<>();
		filter.put("filter[name]", tenant);
		filter.put("page[size]", "1");
		return first(this.api.get("organization-by-name", "/organizations", filter));
	}

	private JsonNode configuration(String organizationId, String hostname) {
		Map<String, String> filter = new LinkedHashMap<>();
		filter.put("filter[organization_id]", organizationId);
		filter.put("filter[name]", hostname);
		filter.put("page[size]", Integer.toString(this.properties.maxLinks()));
		JsonNode configurations = this.api.get("configuration", "/configurations", filter);
		// The name filter also matches parts of names: the host itself first.
		for (JsonNode configuration : list(configurations, "configuration")) {
			JsonNode attributes = configuration.path("attributes");
			if (hostname.equalsIgnoreCase(VendorJson.text(attributes, "name"))
					|| hostname.equalsIgnoreCase(VendorJson.text(attributes, "hostname"))) {
				return configuration;
			}
		}
		return first(configurations);
	}

	private void runbooks(String organizationId, long type, String topic, List<DocumentationLink> links) {
		Map<String, String> filter = new LinkedHashMap<>();
		filter.put("filter[flexible_asset_type_id]", Long.toString(type));
		filter.put("filter[organization_id]", organizationId);
		filter.put("filter[name]", topic);
		filter.put("page[size]", Integer.toString(this.properties.maxLinks()));
		for (JsonNode asset : list(this.api.get("runbooks", "/flexible_assets", filter), "runbooks")) {
			JsonNode attributes = asset.path("attributes");
			links.add(new DocumentationLink("runbook", VendorJson.text(attributes, "name"),
					VendorJson.text(attributes, "resource-url"), DocumentationLink.snippet(traits(attributes))));
		}
	}

	private static DocumentationLink configurationLink(JsonNode attributes) {
		StringJoiner summary = new StringJoiner(", ");
		for (String field : List.of("configuration-type-name", "operating-system-name", "primary-ip",
				"configuration-status-name")) {
			String value = VendorJson.text(attributes, field);
			if (value != null && !value.isBlank()) {
				summary.add(value);
			}
		}
		String notes = VendorJson.text(attributes, "notes");
		if (notes != null && !notes.isBlank()) {
			summary.add(notes);
		}
		return new DocumentationLink("configuration", VendorJson.text(attributes, "name"),
				VendorJson.text(attributes, "resource-url"), DocumentationLink.snippet(summary.toString()));
	}

	/** A flexible asset's text fields, in their order, as the excerpt. */
	private static String traits(JsonNode attributes) {
		StringJoiner text = new StringJoiner("; ");
		attributes.path("traits").properties().forEach((trait) -> {
			if (trait.getValue().isTextual() && !trait.getValue().asText().isBlank()) {
				text.add(trait.getKey() + ": " + trait.getValue().asText());
			}
		});
		String joined = text.toString();
		return joined.isEmpty() ? VendorJson.text(attributes, "flexible-asset-type-name") : joined;
	}

	private static String firstText(JsonNode attributes, String... fields) {
		for (String field : fields) {
			String value = VendorJson.text(attributes, field);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static JsonNode first(JsonNode data) {
		return (data.isArray() && !data.isEmpty()) ? data.get(0) : null;
	}

	private static JsonNode list(JsonNode data, String operation) {
		if (!data.isArray()) {
			throw new ConnectorException(
					ItGlueApi.VENDOR.displayName() + " " + operation + " answered 'data' that is not a list");
		}
		return data;
	}

}
