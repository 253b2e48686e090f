package io.closeloop.workers.connector.http;

import java.time.Duration;

/**
 * One attempt that failed in a way a later attempt may not: a timeout, no connection, a
 * 5xx or a 429. Internal to the retry; callers see a ConnectorException once attempts run
 * out.
 */
class TransientFailure extends RuntimeException {

	private final int status;

	private final Duration retryAfter;

	private final boolean surelyNotActedOn;

	TransientFailure(String reason, int status, Duration retryAfter, boolean surelyNotActedOn) {
		super(reason, null, false, false);
		this.status = status;
		this.retryAfter = retryAfter;
		this.surelyNotActedOn = surelyNotActedOn;
	}

	/** The HTTP status, or 0 when no answer came. */
	int status() {
		return this.status;
	}

	/** The wait the vendor asked for, or null. */
	Duration retryAfter() {
		return this.retryAfter;
	}

	boolean surelyNotActedOn() {
		return this.surelyNotActedOn;
	}

}
