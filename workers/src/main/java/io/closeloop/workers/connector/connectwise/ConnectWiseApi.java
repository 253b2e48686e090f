package io.closeloop.workers.connector.connectwise;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * ConnectWise PSA's REST API: HTTP Basic with {@code companyId+publicKey:privateKey} and
 * the integration's {@code clientId} header on every request, JSON in and out. There is
 * no token: a 401 means the keys are refused.
 */
class ConnectWiseApi {

	static final Vendor VENDOR = new Vendor("connectwise", "ConnectWise PSA");

	private final String root;

	private final String authorization;

	private final String clientId;

	private final VendorHttp http;

	private final VendorJson json;

	ConnectWiseApi(ConnectWisePsaProperties properties, VendorHttp http, VendorJson json) {
		this.root = properties.url().toString().replaceAll("/+$", "");
		this.authorization = authorization(properties);
		this.clientId = properties.clientId().value();
		this.http = http;
		this.json = json;
	}

	/** The Basic credentials, also handed to the redactor: they encode the keys. */
	static String authorization(ConnectWisePsaProperties properties) {
		String credentials = properties.companyId() + "+" + properties.publicKey().value() + ":"
				+ properties.privateKey().value();
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	JsonNode get(String operation, String pathAndQuery) {
		String body = this.http.send(operation, Idempotence.IDEMPOTENT, () -> request(pathAndQuery).GET().build())
			.body();
		return this.json.read(VENDOR.displayName(), operation, body);
	}

	/** Creates something: not repeated after an answer that may have come too late. */
	JsonNode post(String operation, String path, Object payload) {
		String content = this.json.write(payload);
		String body = this.http
			.send(operation, Idempotence.NOT_IDEMPOTENT,
					() -> request(path).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(content))
						.build())
			.body();
		return this.json.read(VENDOR.displayName(), operation, body);
	}

	/**
	 * A JSON Patch of {@code replace} operations: sending it twice leaves the same
	 * values, so it is retried like a read.
	 */
	void patch(String operation, String path, Object operations) {
		String content = this.json.write(operations);
		this.http.send(operation, Idempotence.IDEMPOTENT,
				() -> request(path).header("Content-Type", "application/json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString(content))
					.build());
	}

	private HttpRequest.Builder request(String pathAndQuery) {
		return this.http.request(URI.create(this.root + pathAndQuery))
			.header("Authorization", this.authorization)
			.header("clientId", this.clientId);
	}

}
