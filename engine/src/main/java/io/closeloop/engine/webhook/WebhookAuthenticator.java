package io.closeloop.engine.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.SecretDigest;
import io.closeloop.workers.connector.webhook.WebhookRejected;

/**
 * Checks that a webhook call comes from the configured vendor, the way that vendor can
 * prove it: a shared secret in a header or (where nothing else is possible) the URL, HTTP
 * basic authentication, or the vendor's signature of the body. Secrets are compared as
 * digests in constant time.
 */
@Component
class WebhookAuthenticator {

	static final String TOKEN_HEADER = "X-Closeloop-Token";

	static final String TOKEN_PARAMETER = "token";

	/**
	 * @param headers the request headers, names in lower case
	 * @param token the {@code token} query parameter, or null
	 * @throws WebhookRejected 401 when the call does not prove it is the vendor's; 503
	 * when its signature cannot be checked now
	 */
	void authenticate(WebhookVendors.Configured vendor, byte[] body, Map<String, String> headers, String token) {
		Secret secret = vendor.settings().secret();
		boolean authentic = switch (vendor.auth()) {
			case HEADER -> SecretDigest.matches(headers.get(TOKEN_HEADER.toLowerCase()), secret);
			case QUERY -> SecretDigest.matches(token, secret);
			case BASIC -> basic(headers.get("authorization"), vendor.settings().username(), secret);
			case SIGNATURE -> vendor.webhook().signatureMatches(body, headers, vendor.settings());
		};
		if (!authentic) {
			throw new WebhookRejected(WebhookRejected.Reason.UNAUTHENTICATED,
					"Not authenticated as " + vendor.webhook().vendor().name() + ": " + hint(vendor), List.of());
		}
	}

	private static boolean basic(String authorization, String username, Secret secret) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		String credentials;
		try {
			credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		int colon = credentials.indexOf(':');
		if (colon < 0) {
			return false;
		}
		// Both halves are checked whatever the first says: no early answer to time.
		boolean user = SecretDigest.matches(credentials.substring(0, colon), new Secret(username));
		boolean password = SecretDigest.matches(credentials.substring(colon + 1), secret);
		return user & password;
	}

	private static String hint(WebhookVendors.Configured vendor) {
		return switch (vendor.auth()) {
			case HEADER -> "send the shared secret in the " + TOKEN_HEADER + " header";
			case QUERY -> "add the shared secret to the URL as ?" + TOKEN_PARAMETER + "=";
			case BASIC -> "send the configured user name and secret with HTTP basic authentication";
			case SIGNATURE -> vendor.webhook().signatureHint();
		};
	}

}
