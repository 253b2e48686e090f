package io.closeloop.workers.connector.webhook;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Vendor;

/**
 * One vendor's webhook: how it authenticates, and how its payload turns into what
 * Closeloop does with it (an alert raised, an alert cleared, or nothing, with the
 * reason). Each lives in its vendor's package; the application's webhook endpoint calls
 * them.
 */
public interface VendorWebhook {

	/** The vendor, whose name is the path: {@code /api/webhooks/{name}}. */
	Vendor vendor();

	/** Whether the vendor is a PSA: its new tickets raise alerts that work on them. */
	default boolean isPsa() {
		return false;
	}

	/** The ways the vendor can authenticate; the first is the default. */
	List<WebhookAuth> auths();

	/**
	 * Checks the vendor's own signature of the body; only for vendors that sign.
	 * @param headers the request headers, names in lower case
	 * @param settings the vendor's settings: its secret, and where it may fetch a signing
	 * key named in the call
	 * @throws WebhookRejected when the signature cannot be checked now (503), or the call
	 * names a key the settings do not allow (401, saying why)
	 */
	default boolean signatureMatches(byte[] body, Map<String, String> headers, WebhookSettings settings) {
		return false;
	}

	/**
	 * Whether the vendor names the URL of its signing key in each call, so
	 * {@link WebhookSettings#keyUrl()} means something for it.
	 */
	default boolean fetchesSigningKeys() {
		return false;
	}

	/** What a wrong or missing signature looks like to the caller. */
	default String signatureHint() {
		return "Sign the body";
	}

	/**
	 * Whether a secret given as {@code sha256:<hex>} can serve: not for a vendor whose
	 * signature is keyed with the secret itself.
	 */
	default boolean takesDigestSecret() {
		return true;
	}

	/**
	 * Reads the payload.
	 * @throws WebhookRejected when a field is missing or malformed, or the payload's
	 * organisation is not mapped to a tenant
	 */
	WebhookDelivery translate(JsonNode payload, WebhookSettings settings);

}
