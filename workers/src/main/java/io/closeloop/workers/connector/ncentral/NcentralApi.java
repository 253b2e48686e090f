package io.closeloop.workers.connector.ncentral;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Vendor;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.http.BearerApi;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.OAuthToken;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;

/**
 * N-central's REST API: the User-API Token (a JWT) is exchanged for an access token and a
 * refresh token. The access token is kept until shortly before it expires, or until the
 * API rejects it; it is then renewed with the refresh token, and when N-central refuses
 * that (expired, revoked) by authenticating with the JWT again.
 */
class NcentralApi {

	static final Vendor VENDOR = new Vendor("ncentral", "N-central");

	private static final Logger log = LoggerFactory.getLogger(NcentralApi.class);

	private final String root;

	private final NcentralRmmProperties properties;

	private final VendorHttp http;

	private final VendorJson json;

	private final Clock clock;

	private final BearerApi api;

	/** The current refresh token; only touched while the access token cache renews. */
	private OAuthToken refresh;

	NcentralApi(NcentralRmmProperties properties, VendorHttp http, VendorJson json, Clock clock) {
		this.root = properties.url().toString().replaceAll("/+$", "");
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.clock = clock;
		this.api = new BearerApi(this.root, http, json, this::renew, clock, properties.tokenRefreshBefore());
	}

	JsonNode get(String operation, String path) {
		return this.api.get(operation, path);
	}

	/** Starts something: not repeated after an answer that may have come too late. */
	JsonNode post(String operation, String path, Object payload) {
		return this.api.json(operation, Idempotence.NOT_IDEMPOTENT, "POST", path, payload);
	}

	/**
	 * A new access token: refreshed while the refresh token lasts, else authenticated.
	 */
	private OAuthToken renew() {
		if (this.refresh != null && this.clock.instant()
			.isBefore(this.refresh.expiresAt().minus(this.properties.tokenRefreshBefore()))) {
			String refreshToken = this.refresh.value();
			try {
				return exchange("token-refresh",
						() -> this.http.request(URI.create(this.root + "/api/auth/refresh"))
							.header("Content-Type", "text/plain")
							.POST(HttpRequest.BodyPublishers.ofString(refreshToken))
							.build());
			}
			catch (VendorRejectedException ex) {
				log.info("N-central refused the refresh token (HTTP {}); authenticating with the User-API Token",
						ex.status());
				this.refresh = null;
			}
		}
		return exchange("authenticate",
				() -> this.http.request(URI.create(this.root + "/api/auth/authenticate"))
					.header("Authorization", "Bearer " + this.properties.userApiToken().value())
					.POST(HttpRequest.BodyPublishers.noBody())
					.build());
	}

	/** Calls authenticate or refresh, which answer the same {@code tokens}. */
	private OAuthToken exchange(String operation, Supplier<HttpRequest> request) {
		JsonNode answer = this.json.read(VENDOR.displayName(), operation,
				this.http.send(operation, Idempotence.IDEMPOTENT, request).body());
		JsonNode tokens = VendorJson.required(answer, "tokens", VENDOR.displayName(), operation);
		JsonNode accessToken = VendorJson.required(tokens, "access", VENDOR.displayName(), operation);
		VendorJson.required(accessToken, "token", VENDOR.displayName(), operation);
		JsonNode refreshToken = tokens.path("refresh");
		this.refresh = (VendorJson.text(refreshToken, "token") != null) ? token(refreshToken) : null;
		return token(accessToken);
	}

	private OAuthToken token(JsonNode token) {
		return new OAuthToken(token.path("token").asText(),
				this.clock.instant().plusSeconds(token.path("expirySeconds").asLong(0)));
	}

}
