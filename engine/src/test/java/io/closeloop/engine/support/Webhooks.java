package io.closeloop.engine.support;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls {@code POST /api/webhooks/{vendor}} the way each vendor does: with its payload
 * shape and its own authentication, against the demo profile's webhook settings.
 */
public final class Webhooks {

	/** The demo profile's secrets (application-demo.yml). */
	public static final Map<String, String> SECRETS = Map.of("datto", "demo-datto-token", "ninjaone",
			"demo-ninjaone-token", "tactical", "demo-tactical-token", "connectwise", "demo-connectwise-signing-key",
			"autotask", "demo-autotask-secret", "halo", "demo-halo-password");

	public static final String HALO_USER = "closeloop";

	private final ApiClient api;

	public Webhooks(ApiClient api) {
		this.api = api;
	}

	/** Datto: the token in the URL. */
	public ApiClient.Response datto(String body) {
		return datto(body, SECRETS.get("datto"));
	}

	public ApiClient.Response datto(String body, String token) {
		return send(request("/api/webhooks/datto?token=" + ApiClient.encode(token), body));
	}

	/** NinjaOne and Tactical: the shared secret in a header. */
	public ApiClient.Response withToken(String vendor, String body, String token) {
		return send(request("/api/webhooks/" + vendor, body).header("X-Closeloop-Token", token));
	}

	public ApiClient.Response withToken(String vendor, String body) {
		return withToken(vendor, body, SECRETS.get(vendor));
	}

	/**
	 * ConnectWise: Base64 HMAC-SHA256 of the body, keyed with the SHA-256 of the signing
	 * key.
	 */
	public ApiClient.Response connectwise(String body, String signingKey) {
		byte[] key = sha256(signingKey);
		return send(request("/api/webhooks/connectwise", body).header("x-content-signature",
				Base64.getEncoder().encodeToString(hmac("HmacSHA256", key, body))));
	}

	public ApiClient.Response connectwise(String body) {
		return connectwise(body, SECRETS.get("connectwise"));
	}

	/** Autotask: {@code sha1=} and the Base64 HMAC-SHA1 of the body with the secret. */
	public ApiClient.Response autotask(String body, String secret) {
		return send(request("/api/webhooks/autotask", body).header("X-Hook-Signature", "sha1="
				+ Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), body))));
	}

	public ApiClient.Response autotask(String body) {
		return autotask(body, SECRETS.get("autotask"));
	}

	/** Halo: HTTP basic authentication. */
	public ApiClient.Response halo(String body, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((HALO_USER + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(request("/api/webhooks/halo", body).header("Authorization", "Basic " + credentials));
	}

	public ApiClient.Response halo(String body) {
		return halo(body, SECRETS.get("halo"));
	}

	public ApiClient.Response send(HttpRequest.Builder request) {
		return this.api.send(request.build());
	}

	public HttpRequest.Builder request(String path, String body) {
		return HttpRequest.newBuilder(this.api.uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static byte[] hmac(String algorithm, byte[] key, String body) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
