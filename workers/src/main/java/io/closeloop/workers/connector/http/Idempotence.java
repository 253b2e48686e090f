package io.closeloop.workers.connector.http;

/**
 * Whether a request may be sent again after an answer that leaves unknown whether the
 * vendor acted on it (a timeout, a 5xx).
 */
public enum Idempotence {

	/**
	 * Reads and other calls that change nothing when repeated: every transient failure is
	 * retried.
	 */
	IDEMPOTENT,

	/**
	 * Calls that start something (a script run): retried only when the vendor surely did
	 * not act (429, no connection), so a slow answer never runs a script twice.
	 */
	NOT_IDEMPOTENT

}
