package io.closeloop.workers.connector.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A vendor's REST API behind a bearer token. Every request carries the cached token;
 * after a 401 (the token expired early or was revoked) it is sent once more with a new
 * one. How a token is got is the vendor's: it is the {@code fetch} given here.
 */
public final class BearerApi {

	private final String root;

	private final VendorHttp http;

	private final VendorJson json;

	private final OAuthTokenCache tokens;

	/**
	 * @param root what every path is appended to, without a trailing slash, e.g.
	 * {@code https://eu.halopsa.com/api}: each vendor class trims its configured URL
	 * once, since its token endpoint needs the same root
	 * @param fetch gets a new token from the vendor
	 * @param refreshBefore how long before it expires a token is fetched anew
	 */
	public BearerApi(String root, VendorHttp http, VendorJson json, Supplier<OAuthToken> fetch, Clock clock,
			Duration refreshBefore) {
		this.root = root;
		this.http = http;
		this.json = json;
		this.tokens = new OAuthTokenCache(fetch, clock, refreshBefore);
	}

	/** Reads a resource; safe to repeat. */
	public JsonNode get(String operation, String pathAndQuery) {
		return read(operation, send(operation, Idempotence.IDEMPOTENT, "GET", pathAndQuery, null));
	}

	/**
	 * Sends a JSON body with the method given and reads the JSON answer. Whether it may
	 * be repeated after an answer that came too late is the caller's to say.
	 */
	public JsonNode json(String operation, Idempotence idempotence, String method, String path, Object payload) {
		return read(operation, send(operation, idempotence, method, path, payload));
	}

	/**
	 * Sends a JSON body (none when {@code payload} is null) and gives back the answer
	 * unread, for endpoints whose answer is not worth reading.
	 */
	public VendorResponse send(String operation, Idempotence idempotence, String method, String path, Object payload) {
		HttpRequest.BodyPublisher body = (payload != null)
				? HttpRequest.BodyPublishers.ofString(this.json.write(payload)) : HttpRequest.BodyPublishers.noBody();
		return this.tokens.authorized((token) -> this.http.send(operation, idempotence, () -> {
			HttpRequest.Builder request = this.http.request(URI.create(this.root + path))
				.header("Authorization", "Bearer " + token);
			if (payload != null) {
				request.header("Content-Type", "application/json");
			}
			return request.method(method, body).build();
		}));
	}

	private JsonNode read(String operation, VendorResponse response) {
		return this.json.read(this.http.vendor(), operation, response.body());
	}

	/**
	 * Posts an OAuth 2 token request (a form) and reads the answer, for the vendor's
	 * {@code fetch}.
	 * @param request the token endpoint, with any header the vendor wants besides the
	 * form's content type
	 */
	public static JsonNode grant(VendorHttp http, VendorJson json, Supplier<HttpRequest.Builder> request, String form) {
		String body = http
			.send("token", Idempotence.IDEMPOTENT,
					() -> request.get()
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build())
			.body();
		return json.read(http.vendor(), "token", body);
	}

	/**
	 * The access token of an OAuth 2 token answer, expiring after its {@code expires_in}.
	 */
	public static OAuthToken accessToken(JsonNode answer, String vendor, Clock clock) {
		String value = VendorJson.required(answer, "access_token", vendor, "token").asText();
		return new OAuthToken(value, clock.instant().plusSeconds(answer.path("expires_in").asLong(0)));
	}

	/** A value encoded for an {@code application/x-www-form-urlencoded} body. */
	public static String formValue(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
