package io.closeloop.workers.connector.datto;

import static io.closeloop.workers.connector.http.BearerApi.formValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.http.BearerApi;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.OAuthToken;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Datto RMM's API v2: an OAuth token from the API key and secret (the password grant with
 * Datto's fixed public client), kept until shortly before it expires and fetched anew
 * once when the API rejects it.
 */
class DattoApi {

	static final Vendor VENDOR = new Vendor("datto", "Datto RMM");

	/**
	 * Datto's documented public OAuth client, the same for every account: not a secret.
	 */
	private static final String PUBLIC_CLIENT = "Basic "
			+ Base64.getEncoder().encodeToString("public-client:public".getBytes(StandardCharsets.UTF_8));

	private final String root;

	private final DattoRmmProperties properties;

	private final VendorHttp http;

	private final VendorJson json;

	private final Clock clock;

	private final BearerApi api;

	DattoApi(DattoRmmProperties properties, VendorHttp http, VendorJson json, Clock clock) {
		this.root = properties.url().toString().replaceAll("/+$", "");
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.clock = clock;
		this.api = new BearerApi(this.root + "/api", http, json, this::fetchToken, clock,
				properties.tokenRefreshBefore());
	}

	JsonNode get(String operation, String path) {
		return this.api.get(operation, path);
	}

	/** Starts something: not repeated after an answer that may have come too late. */
	JsonNode put(String operation, String path, Object payload) {
		return this.api.json(operation, Idempotence.NOT_IDEMPOTENT, "PUT", path, payload);
	}

	private OAuthToken fetchToken() {
		String form = "grant_type=password&username=" + formValue(this.properties.apiKey().value()) + "&password="
				+ formValue(this.properties.apiSecret().value());
		JsonNode answer = BearerApi.grant(this.http, this.json,
				() -> this.http.request(URI.create(this.root + "/auth/oauth/token"))
					.header("Authorization", PUBLIC_CLIENT),
				form);
		return BearerApi.accessToken(answer, VENDOR.displayName(), this.clock);
	}

}
