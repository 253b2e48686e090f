package io.closeloop.workers.connector.itglue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * IT Glue's JSON:API: the API key on every request, {@code filter[...]} and
 * {@code page[size]} as query parameters, the answer's {@code data}.
 */
class ItGlueApi {

	static final Vendor VENDOR = new Vendor("itglue", "IT Glue");

	private static final String JSON_API = "application/vnd.api+json";

	private final String root;

	private final String apiKey;

	private final VendorHttp http;

	private final VendorJson json;

	ItGlueApi(ItGlueDocumentationProperties properties, VendorHttp http, VendorJson json) {
		this.root = properties.url().toString().replaceAll("/+$", "");
		this.apiKey = properties.apiKey().value();
		this.http = http;
		this.json = json;
	}

	/** The {@code data} of a read: one resource or a list of them. */
	JsonNode get(String operation, String path, Map<String, String> parameters) {
		URI uri = URI.create(this.root + path + query(parameters));
		String body;
		try {
			body = this.http
				.send(operation, Idempotence.IDEMPOTENT,
						() -> this.http.request(uri)
							.setHeader("Accept", JSON_API)
							.header("x-api-key", this.apiKey)
							.GET()
							.build())
				.body();
		}
		catch (VendorRejectedException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw new VendorRejectedException(VENDOR.displayName(), operation, ex.status(),
						"the API key was refused; check closeloop.docs.itglue.api-key and url (IT Glue revokes keys"
								+ " unused for 90 days)");
			}
			throw ex;
		}
		return VendorJson.required(this.json.read(VENDOR.displayName(), operation, body), "data", VENDOR.displayName(),
				operation);
	}

	private static String query(Map<String, String> parameters) {
		if (parameters.isEmpty()) {
			return "";
		}
		// Brackets in parameter names are not allowed raw in a URI: encoded, as with
		// every value.
		return parameters.entrySet()
			.stream()
			.map((parameter) -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
			.collect(Collectors.joining("&", "?", ""));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
