package io.closeloop.workers.connector.autotask;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Autotask's REST API: the API user's three headers on every request, JSON in and out.
 * The zone (which {@code webservicesN} host serves the instance) is configured, or asked
 * once of the zone lookup and kept.
 */
class AutotaskApi {

	static final Vendor VENDOR = new Vendor("autotask", "Autotask");

	private final AutotaskPsaProperties properties;

	private final VendorHttp http;

	private final VendorJson json;

	private volatile String root;

	AutotaskApi(AutotaskPsaProperties properties, VendorHttp http, VendorJson json) {
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.root = (properties.url() != null) ? trimmed(properties.url().toString()) + "/v1.0" : null;
	}

	/**
	 * The entities matching every condition: a read, retried on any transient failure.
	 */
	JsonNode query(String operation, String entity, List<Map<String, Object>> filter) {
		String content = this.json.write(Map.of("filter", filter));
		String body = send(operation, Idempotence.IDEMPOTENT,
				() -> api("/" + entity + "/query").POST(HttpRequest.BodyPublishers.ofString(content)).build());
		JsonNode items = VendorJson.required(this.json.read(VENDOR.displayName(), operation, body), "items",
				VENDOR.displayName(), operation);
		if (!items.isArray()) {
			throw new ConnectorException(
					VENDOR.displayName() + " " + operation + " answered 'items' that is not a list");
		}
		return items;
	}

	/**
	 * Creates an entity and answers its id. Never repeated after an answer that may have
	 * come after Autotask acted: the caller looks for what it made before creating again.
	 */
	long create(String operation, String path, Object entity) {
		String content = this.json.write(entity);
		String body = send(operation, Idempotence.NOT_IDEMPOTENT,
				() -> api(path).POST(HttpRequest.BodyPublishers.ofString(content)).build());
		JsonNode id = VendorJson.required(this.json.read(VENDOR.displayName(), operation, body), "itemId",
				VENDOR.displayName(), operation);
		if (!id.canConvertToLong()) {
			throw new ConnectorException(
					VENDOR.displayName() + " " + operation + " answered an itemId that is not a number: " + id);
		}
		return id.asLong();
	}

	/**
	 * Sets the given fields of an entity, leaving the others as they are: setting the
	 * same values twice changes nothing, so it is retried like a read.
	 */
	void update(String operation, String entity, Map<String, Object> fields) {
		String content = this.json.write(fields);
		send(operation, Idempotence.IDEMPOTENT,
				() -> api("/" + entity).method("PATCH", HttpRequest.BodyPublishers.ofString(content)).build());
	}

	private String send(String operation, Idempotence idempotence, Supplier<HttpRequest> request) {
		try {
			return this.http.send(operation, idempotence, request).body();
		}
		catch (VendorRejectedException ex) {
			throw refusedCredentials(ex);
		}
	}

	private HttpRequest.Builder api(String path) {
		return this.http.request(URI.create(root() + path))
			.header("ApiIntegrationCode", this.properties.integrationCode().value())
			.header("UserName", this.properties.username())
			.header("Secret", this.properties.secret().value())
			.header("Content-Type", "application/json");
	}

	private String root() {
		String known = this.root;
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (this.root == null) {
				this.root = discoverZone();
			}
			return this.root;
		}
	}

	/**
	 * The zone of the API user, from the zone lookup, which needs no credentials and is
	 * not subject to Autotask's thread limits.
	 */
	private String discoverZone() {
		String lookup = trimmed(this.properties.zoneLookupUrl().toString()) + "/v1.0/ZoneInformation?user="
				+ URLEncoder.encode(this.properties.username(), StandardCharsets.UTF_8);
		String body = this.http
			.send("zone-lookup", Idempotence.IDEMPOTENT, () -> this.http.request(URI.create(lookup)).GET().build())
			.body();
		JsonNode zone = this.json.read(VENDOR.displayName(), "zone-lookup", body);
		String url = VendorJson.required(zone, "url", VENDOR.displayName(), "zone-lookup").asText();
		return trimmed(url) + "/v1.0";
	}

	private RuntimeException refusedCredentials(VendorRejectedException ex) {
		if (ex.status() == 401 || ex.status() == 403) {
			return new VendorRejectedException(VENDOR.displayName(), ex.operation(), ex.status(),
					"the API user was refused; check closeloop.psa.autotask.username, secret and integration-code,"
							+ " and that the user's security level allows tickets");
		}
		return ex;
	}

	private static String trimmed(String url) {
		return url.replaceAll("/+$", "");
	}

}
