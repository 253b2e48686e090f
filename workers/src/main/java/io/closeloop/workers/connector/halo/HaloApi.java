package io.closeloop.workers.connector.halo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.OAuthToken;
import io.closeloop.workers.connector.http.OAuthTokenCache;
import io.closeloop.workers.connector.http.QueryString;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * HaloPSA's REST API: a bearer token from the client credentials grant, kept until
 * shortly before it expires and fetched anew once when the API rejects it.
 */
class HaloApi {

	static final String VENDOR = "HaloPSA";

	private final String root;

	private final HaloPsaProperties properties;

	private final VendorHttp http;

	private final VendorJson json;

	private final Clock clock;

	private final OAuthTokenCache tokens;

	HaloApi(HaloPsaProperties properties, VendorHttp http, VendorJson json, Clock clock) {
		this.root = properties.url().toString().replaceAll("/+$", "") + "/api";
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.clock = clock;
		this.tokens = new OAuthTokenCache(this::fetchToken, clock, properties.tokenRefreshBefore());
	}

	JsonNode get(String operation, String pathAndQuery) {
		return authorized(operation, Idempotence.IDEMPOTENT, (token) -> api(pathAndQuery, token).GET().build());
	}

	/**
	 * Halo creates and updates with the same POST of a list; whether it may be repeated
	 * after an answer that came too late is the caller's to say: an update may, a create
	 * may not.
	 */
	JsonNode post(String operation, Idempotence idempotence, String path, Object payload) {
		String content = this.json.write(payload);
		return authorized(operation, idempotence,
				(token) -> api(path, token).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(content))
					.build());
	}

	/**
	 * Sends with the current token; after a 401 (the token expired early or was revoked)
	 * once more with a new one.
	 */
	private JsonNode authorized(String operation, Idempotence idempotence, Function<String, HttpRequest> request) {
		return this.tokens.authorized((token) -> send(operation, idempotence, request, token));
	}

	private JsonNode send(String operation, Idempotence idempotence, Function<String, HttpRequest> request,
			String token) {
		String body = this.http.send(operation, idempotence, () -> request.apply(token)).body();
		return this.json.read(VENDOR, operation, body);
	}

	private HttpRequest.Builder api(String pathAndQuery, String token) {
		return this.http.request(URI.create(this.root + pathAndQuery)).header("Authorization", "Bearer " + token);
	}

	private OAuthToken fetchToken() {
		String form = "grant_type=client_credentials&client_id=" + formValue(this.properties.clientId())
				+ "&client_secret=" + formValue(this.properties.clientSecret()) + "&scope="
				+ formValue(this.properties.scope());
		URI uri = URI.create(this.properties.tokenUri() + QueryString.of().with("tenant", tenant()).toString());
		String body = this.http
			.send("token", Idempotence.IDEMPOTENT,
					() -> this.http.request(uri)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build())
			.body();
		JsonNode answer = this.json.read(VENDOR, "token", body);
		String value = VendorJson.required(answer, "access_token", VENDOR, "token").asText();
		long expiresIn = answer.path("expires_in").asLong(0);
		return new OAuthToken(value, this.clock.instant().plusSeconds(expiresIn));
	}

	private String tenant() {
		String tenant = this.properties.tenant();
		return (tenant == null || tenant.isBlank()) ? null : tenant;
	}

	private static String formValue(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
