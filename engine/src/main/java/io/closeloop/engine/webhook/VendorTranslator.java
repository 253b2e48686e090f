package io.closeloop.engine.webhook;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one vendor's webhook payload into what Closeloop does with it: an alert raised,
 * an alert cleared, or nothing (with the reason).
 */
interface VendorTranslator {

	/** The vendor's name in the path, {@code /api/webhooks/{name}}. */
	String name();

	/** The ways the vendor can authenticate; the first is the default. */
	List<WebhookAuth> auths();

	/**
	 * Checks the vendor's own signature of the body; only for vendors that sign.
	 * @param headers the request headers, names in lower case
	 */
	default boolean signatureMatches(byte[] body, Map<String, String> headers, String secret) {
		return false;
	}

	/** What a wrong or missing signature looks like to the caller. */
	default String signatureHint() {
		return "Sign the body";
	}

	/**
	 * Reads the payload.
	 * @throws WebhookRejected when a field is missing or malformed, or the payload's
	 * organisation is not mapped to a tenant
	 */
	WebhookDelivery translate(JsonNode payload, WebhookProperties.Vendor settings);

}
