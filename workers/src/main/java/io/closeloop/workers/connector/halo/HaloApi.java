package io.closeloop.workers.connector.halo;

import static io.closeloop.workers.connector.http.BearerApi.formValue;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.http.BearerApi;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.OAuthToken;
import io.closeloop.workers.connector.http.QueryString;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * HaloPSA's REST API: a bearer token from the client credentials grant, kept until
 * shortly before it expires and fetched anew once when the API rejects it.
 */
class HaloApi {

	static final Vendor VENDOR = new Vendor("halo", "HaloPSA");

	private final HaloPsaProperties properties;

	private final VendorHttp http;

	private final VendorJson json;

	private final Clock clock;

	private final BearerApi api;

	HaloApi(HaloPsaProperties properties, VendorHttp http, VendorJson json, Clock clock) {
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.clock = clock;
		this.api = new BearerApi(properties.url().toString().replaceAll("/+$", "") + "/api", http, json,
				this::fetchToken, clock, properties.tokenRefreshBefore());
	}

	JsonNode get(String operation, String pathAndQuery) {
		return this.api.get(operation, pathAndQuery);
	}

	/**
	 * Halo creates and updates with the same POST of a list; whether it may be repeated
	 * after an answer that came too late is the caller's to say: an update may, a create
	 * may not.
	 */
	JsonNode post(String operation, Idempotence idempotence, String path, Object payload) {
		return this.api.json(operation, idempotence, "POST", path, payload);
	}

	private OAuthToken fetchToken() {
		String form = "grant_type=client_credentials&client_id=" + formValue(this.properties.clientId())
				+ "&client_secret=" + formValue(this.properties.clientSecret().value()) + "&scope="
				+ formValue(this.properties.scope());
		URI uri = URI.create(this.properties.tokenUri() + QueryString.of().with("tenant", tenant()).toString());
		JsonNode answer = BearerApi.grant(this.http, this.json, () -> this.http.request(uri), form);
		return BearerApi.accessToken(answer, VENDOR.displayName(), this.clock);
	}

	private String tenant() {
		String tenant = this.properties.tenant();
		return (tenant == null || tenant.isBlank()) ? null : tenant;
	}

}
