package io.closeloop.workers.connector.ninjaone;

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
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;
import io.closeloop.workers.connector.http.VendorResponse;

/**
 * NinjaOne's public API v2: an OAuth token from the client credentials grant, or from a
 * refresh token when one is configured, kept until shortly before it expires and fetched
 * anew once when the API rejects it.
 */
class NinjaOneApi {

	static final String VENDOR = "NinjaOne";

	private final String root;

	private final NinjaOneRmmProperties properties;

	private final VendorHttp http;

	private final VendorJson json;

	private final Clock clock;

	private final OAuthTokenCache tokens;

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
		this.refreshToken = properties.refreshToken();
		this.tokens = new OAuthTokenCache(this::fetchToken, clock, properties.tokenRefreshBefore());
	}

	JsonNode get(String operation, String pathAndQuery) {
		String body = authorized(operation, Idempotence.IDEMPOTENT, (token) -> api(pathAndQuery, token).GET().build())
			.body();
		return this.json.read(VENDOR, operation, body);
	}

	/**
	 * Posts a JSON body to an endpoint that answers without one worth reading (NinjaOne's
	 * device actions answer 204 or an undocumented body).
	 */
	void post(String operation, Idempotence idempotence, String path, Object payload) {
		String content = this.json.write(payload);
		authorized(operation, idempotence,
				(token) -> api(path, token).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(content))
					.build());
	}

	private VendorResponse authorized(String operation, Idempotence idempotence,
			Function<String, HttpRequest> request) {
		return this.tokens.authorized((token) -> this.http.send(operation, idempotence, () -> request.apply(token)));
	}

	private HttpRequest.Builder api(String pathAndQuery, String token) {
		return this.http.request(URI.create(this.root + pathAndQuery)).header("Authorization", "Bearer " + token);
	}

	private OAuthToken fetchToken() {
		String form = "client_id=" + formValue(this.properties.clientId()) + "&client_secret="
				+ formValue(this.properties.clientSecret());
		form = this.properties.userContext()
				? "grant_type=refresh_token&" + form + "&refresh_token=" + formValue(this.refreshToken)
				: "grant_type=client_credentials&" + form + "&scope=" + formValue(this.properties.scope());
		String content = form;
		String body = this.http
			.send("token", Idempotence.IDEMPOTENT,
					() -> this.http.request(URI.create(this.root + "/ws/oauth/token"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(content))
						.build())
			.body();
		JsonNode answer = this.json.read(VENDOR, "token", body);
		String value = VendorJson.required(answer, "access_token", VENDOR, "token").asText();
		String rotated = VendorJson.text(answer, "refresh_token");
		if (this.properties.userContext() && rotated != null && !rotated.isBlank()) {
			// Kept for the next grant, in case NinjaOne retires the one just used.
			this.refreshToken = rotated;
		}
		long expiresIn = answer.path("expires_in").asLong(0);
		return new OAuthToken(value, this.clock.instant().plusSeconds(expiresIn));
	}

	private static String formValue(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
