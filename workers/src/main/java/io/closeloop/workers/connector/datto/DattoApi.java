package io.closeloop.workers.connector.datto;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.OAuthToken;
import io.closeloop.workers.connector.http.OAuthTokenCache;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * Datto RMM's API v2: an OAuth token from the API key and secret (the password grant with
 * Datto's fixed public client), kept until shortly before it expires and fetched anew
 * once when the API rejects it.
 */
class DattoApi {

	static final String VENDOR = "Datto RMM";

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

	private final OAuthTokenCache tokens;

	DattoApi(DattoRmmProperties properties, VendorHttp http, VendorJson json, Clock clock) {
		this.root = properties.url().toString().replaceAll("/+$", "");
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.clock = clock;
		this.tokens = new OAuthTokenCache(this::fetchToken, clock, properties.tokenRefreshBefore());
	}

	JsonNode get(String operation, String path) {
		return authorized(operation, Idempotence.IDEMPOTENT, (token) -> api(path, token).GET().build());
	}

	/** Starts something: not repeated after an answer that may have come too late. */
	JsonNode put(String operation, String path, Object payload) {
		String content = this.json.write(payload);
		return authorized(operation, Idempotence.NOT_IDEMPOTENT,
				(token) -> api(path, token).header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(content))
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

	private HttpRequest.Builder api(String path, String token) {
		return this.http.request(URI.create(this.root + "/api" + path)).header("Authorization", "Bearer " + token);
	}

	private OAuthToken fetchToken() {
		String form = "grant_type=password&username=" + formValue(this.properties.apiKey()) + "&password="
				+ formValue(this.properties.apiSecret());
		String body = this.http
			.send("token", Idempotence.IDEMPOTENT,
					() -> this.http.request(URI.create(this.root + "/auth/oauth/token"))
						.header("Authorization", PUBLIC_CLIENT)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build())
			.body();
		JsonNode answer = this.json.read(VENDOR, "token", body);
		String value = VendorJson.required(answer, "access_token", VENDOR, "token").asText();
		long expiresIn = answer.path("expires_in").asLong(0);
		return new OAuthToken(value, this.clock.instant().plusSeconds(expiresIn));
	}

	private static String formValue(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
