package io.closeloop.workers.connector.webhook;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.closeloop.workers.connector.Secret;
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
	 */
	default boolean signatureMatches(byte[] body, Map<String, String> headers, Secret secret) {
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
