package io.closeloop.engine.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one caller may send the API.
 *
 * @param maxBodyBytes the largest request body accepted (larger: 413)
 * @param requestsPerSecond the sustained rate one API key may send (faster: 429)
 * @param burst how many requests a key may send at once above that rate
 * @param maxConcurrent requests the API works on at once, over all callers: one more
 * waits up to {@code queueWait} for a turn, then gets 503 with {@code Retry-After}, so a
 * burst queues briefly instead of every request waiting on the database at once
 * @param queueWait how long a request may wait for a turn
 */
@ConfigurationProperties("closeloop.intake.limits")
public record IntakeLimits(long maxBodyBytes, double requestsPerSecond, int burst, int maxConcurrent,
		Duration queueWait) {

	public IntakeLimits {
		maxBodyBytes = (maxBodyBytes > 0) ? maxBodyBytes : 1024 * 1024;
		requestsPerSecond = (requestsPerSecond > 0) ? requestsPerSecond : 200;
		burst = (burst > 0) ? burst : 400;
		maxConcurrent = (maxConcurrent > 0) ? maxConcurrent : 32;
		queueWait = (queueWait != null) ? queueWait : Duration.ofSeconds(2);
	}

}
