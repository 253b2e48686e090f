package io.closeloop.workers.connector.webhook;

/** How a vendor proves a webhook call is its own. */
public enum WebhookAuth {

	/** The shared secret in the {@code X-Closeloop-Token} header. */
	HEADER,
	/**
	 * The shared secret in the URL's {@code token} query parameter: only for vendors that
	 * can send nothing else, since URLs end up in logs.
	 */
	QUERY,
	/** HTTP basic authentication with the configured user name and the secret. */
	BASIC,
	/** The vendor's signature of the body, made with the secret. */
	SIGNATURE

}
