package io.closeloop.workers.connector.ninjaone;

import static io.closeloop.workers.connector.http.BearerApi.formValue;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.http.BearerApi;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.OAuthToken;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * NinjaOne's public API v2: an OAuth token from the client credentials grant, or from a
 * refresh token when one is configured, kept until shortly before it expires and fetched
 * anew once when the API rejects it.
 */
class NinjaOneApi {

	static final Vendor VENDOR = new Vendor("ninjaone", "NinjaOne");

	private final String root;

	private final NinjaOneRmmProperties properties;

	private final VendorHttp http;

	private final VendorJson json;

	private final Clock clock;

	private final BearerApi api;

	/**
	 * The newest refresh token NinjaOne handed out; only touched while the token cache
	 * fetches, which it does one thread at a time.
	 */
	private String refreshToken;

	NinjaOneApi(NinjaOneRmmProperties properties, VendorHttp http, VendorJson json, Clock clock) {
		this.root = properties.url().toString().replaceAll("/+$", "");
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.clock = clock;
		this.refreshToken = Secret.valueOf(properties.refreshToken());
		this.api = new BearerApi(this.root, http, json, this::fetchToken, clock, properties.tokenRefreshBefore());
	}

	JsonNode get(String operation, String pathAndQuery) {
		return this.api.get(operation, pathAndQuery);
	}

	/**
	 * Posts a JSON body to an endpoint that answers without one worth reading (NinjaOne's
	 * device actions answer 204 or an undocumented body).
	 */
	void post(String operation, Idempotence idempotence, String path, Object payload) {
		this.api.send(operation, idempotence, "POST", path, payload);
	}

	private OAuthToken fetchToken() {
		String form = "client_id=" + formValue(this.properties.clientId()) + "&client_secret="
				+ formValue(this.properties.clientSecret().value());
		form = this.properties.userContext()
				? "grant_type=refresh_token&" + form + "&refresh_token=" + formValue(this.refreshToken)
				: "grant_type=client_credentials&" + form + "&scope=" + formValue(this.properties.scope());
		JsonNode answer = BearerApi.grant(this.http, this.json,
				() -> this.http.request(URI.create(this.root + "/ws/oauth/token")), form);
		OAuthToken token = BearerApi.accessToken(answer, VENDOR.displayName(), this.clock);
		String rotated = VendorJson.text(answer, "refresh_token");
		if (this.properties.userContext() && rotated != null && !rotated.isBlank()) {
			// Kept for the next grant, in case NinjaOne retires the one just used.
			this.refreshToken = rotated;
		}
		return token;
	}

}
