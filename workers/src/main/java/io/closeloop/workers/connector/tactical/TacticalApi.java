package io.closeloop.workers.connector.tactical;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/** Tactical RMM's REST API: the API key on every request, JSON in and out. */
class TacticalApi {

	static final Vendor VENDOR = new Vendor("tactical", "Tactical RMM");

	private final URI base;

	private final String apiKey;

	private final VendorHttp http;

	private final VendorJson json;

	TacticalApi(TacticalRmmProperties properties, VendorHttp http, VendorJson json) {
		this.base = properties.url();
		this.apiKey = properties.apiKey().value();
		this.http = http;
		this.json = json;
	}

	JsonNode get(String operation, String path) {
		String body = this.http.send(operation, Idempotence.IDEMPOTENT, () -> request(path).GET().build()).body();
		return this.json.read(VENDOR.displayName(), operation, body);
	}

	/**
	 * Starts something on an agent: not repeated after an answer that may have come too
	 * late.
	 */
	JsonNode post(String operation, String path, Object payload, Duration timeout) {
		String content = this.json.write(payload);
		String body = this.http
			.send(operation, Idempotence.NOT_IDEMPOTENT,
					() -> request(path).timeout(timeout)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(content))
						.build())
			.body();
		return this.json.read(VENDOR.displayName(), operation, body);
	}

	Duration readTimeout() {
		return this.http.settings().readTimeout();
	}

	private HttpRequest.Builder request(String path) {
		String root = this.base.toString().replaceAll("/+$", "");
		return this.http.request(URI.create(root + path)).header("X-API-KEY", this.apiKey);
	}

}
