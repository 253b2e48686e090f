package io.closeloop.workers.connector.atera;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Atera's REST API (v3): every request carries the account's key, and waits its turn so
 * the account's per-minute limit is not run into. A 429 or 5xx is retried by
 * {@link VendorHttp}, after the {@code Retry-After} Atera asks for when it gives one.
 */
class AteraApi {

	static final Vendor VENDOR = new Vendor("atera", "Atera");

	private final String root;

	private final AteraRmmProperties properties;

	private final VendorHttp http;

	private final VendorJson json;

	private final RequestPacer pacer;

	AteraApi(AteraRmmProperties properties, VendorHttp http, VendorJson json) {
		this.root = properties.url().toString().replaceAll("/+$", "") + "/api/v3";
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.pacer = new RequestPacer(properties.requestsPerMinute());
	}

	static AteraApi create(AteraRmmProperties properties, VendorJson json, Clock clock) {
		VendorHttp http = new VendorHttp(VENDOR.displayName(), properties.http(), new Redactor(properties.apiKey()),
				clock);
		return new AteraApi(properties, http, json);
	}

	/** A read; {@code path} is below {@code /api/v3}, with its query. */
	JsonNode get(String operation, String path) {
		return this.json.read(VENDOR.displayName(), operation,
				this.http.send(operation, Idempotence.IDEMPOTENT, () -> request(path).GET().build()).body());
	}

	private HttpRequest.Builder request(String path) {
		this.pacer.awaitTurn();
		HttpRequest.Builder request = this.http.request(URI.create(this.root + path));
		String key = this.properties.apiKey().value();
		return (this.properties.scheme() == AteraRmmProperties.Scheme.BEARER)
				? request.header("Authorization", "Bearer " + key) : request.header("X-API-KEY", key);
	}

}
