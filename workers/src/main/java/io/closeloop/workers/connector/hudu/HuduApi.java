package io.closeloop.workers.connector.hudu;

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

/** Hudu's REST API under {@code /api/v1}: the API key on every request, JSON out. */
class HuduApi {

	static final Vendor VENDOR = new Vendor("hudu", "Hudu");

	private final String root;

	private final String apiKey;

	private final VendorHttp http;

	private final VendorJson json;

	HuduApi(HuduDocumentationProperties properties, VendorHttp http, VendorJson json) {
		this.root = instance(properties);
		this.apiKey = properties.apiKey().value();
		this.http = http;
		this.json = json;
	}

	JsonNode get(String operation, String path, Map<String, String> parameters) {
		URI uri = URI.create(this.root + "/api/v1" + path + query(parameters));
		String body;
		try {
			body = this.http
				.send(operation, Idempotence.IDEMPOTENT,
						() -> this.http.request(uri).header("x-api-key", this.apiKey).GET().build())
				.body();
		}
		catch (VendorRejectedException ex) {
			if (ex.status() == 401 || ex.status() == 403) {
				throw new VendorRejectedException(VENDOR.displayName(), operation, ex.status(),
						"the API key was refused; check closeloop.docs.hudu.api-key and url, and that the key may"
								+ " read companies, assets and articles");
			}
			throw ex;
		}
		return this.json.read(VENDOR.displayName(), operation, body);
	}

	/** The instance's address, which relative links in answers are resolved against. */
	static String instance(HuduDocumentationProperties properties) {
		return properties.url().toString().replaceAll("/+$", "");
	}

	private static String query(Map<String, String> parameters) {
		if (parameters.isEmpty()) {
			return "";
		}
		return parameters.entrySet()
			.stream()
			.map((parameter) -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
			.collect(Collectors.joining("&", "?", ""));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
