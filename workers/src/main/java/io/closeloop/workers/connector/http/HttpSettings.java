package io.closeloop.workers.connector.http;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How patient a connector is with its vendor: timeouts, attempts and the waits between
 * them. Bound under each vendor's {@code http} key.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer to one request
 * @param maxAttempts attempts per call, the first included
 * @param initialBackoff wait before the second attempt; doubles for each further one
 * @param maxRetryAfter the longest {@code Retry-After} honoured in-process; a vendor
 * asking for more gets the call failed at once, and Zeebe's job backoff waits instead of
 * a worker thread
 */
public record HttpSettings(@DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT30S") Duration readTimeout,
		@DefaultValue("3") int maxAttempts, @DefaultValue("PT1S") Duration initialBackoff,
		@DefaultValue("PT30S") Duration maxRetryAfter) {

	public HttpSettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
	}

}
