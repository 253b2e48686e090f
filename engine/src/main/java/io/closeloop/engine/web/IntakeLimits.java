package io.closeloop.engine.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one caller may send the API.
 *
 * @param maxBodyBytes the largest request body accepted (larger: 413)
 * @param requestsPerSecond the sustained rate one API key may send (faster: 429)
 * @param burst how many requests a key may send at once above that rate
 */
@ConfigurationProperties("closeloop.intake.limits")
public record IntakeLimits(long maxBodyBytes, double requestsPerSecond, int burst) {

	public IntakeLimits {
		maxBodyBytes = (maxBodyBytes > 0) ? maxBodyBytes : 1024 * 1024;
		requestsPerSecond = (requestsPerSecond > 0) ? requestsPerSecond : 200;
		burst = (burst > 0) ? burst : 400;
	}

}
