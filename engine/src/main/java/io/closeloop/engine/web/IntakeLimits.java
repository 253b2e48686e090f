package io.closeloop.engine.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one caller may send the API ({@code closeloop.intake.limits.*}).
 *
 * @param maxBodyBytes the largest request body accepted (larger: 413)
 * @param requestsPerSecond the sustained rate one API key may send (faster: 429 with
 * {@code Retry-After})
 * @param burst how many requests a key may send at once above that rate
 * @param maxConcurrent requests the API works on at once, over all callers: one more
 * waits up to {@code queueWait} for a turn, then gets 503 with {@code Retry-After}, so a
 * burst queues briefly instead of every request waiting on the database at once
 * @param queueWait how long a request may wait for a turn
 */
@ConfigurationProperties("closeloop.intake.limits")
public record IntakeLimits(@DefaultValue("1048576") long maxBodyBytes, @DefaultValue("200") double requestsPerSecond,
		@DefaultValue("400") int burst, @DefaultValue("32") int maxConcurrent,
		@DefaultValue("PT2S") Duration queueWait) {

	public IntakeLimits {
		if (maxBodyBytes <= 0 || requestsPerSecond <= 0 || burst <= 0 || maxConcurrent <= 0) {
			throw new IllegalArgumentException("closeloop.intake.limits: max-body-bytes, requests-per-second, burst "
					+ "and max-concurrent must be positive");
		}
	}

}
