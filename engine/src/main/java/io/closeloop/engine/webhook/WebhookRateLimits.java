package io.closeloop.engine.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.closeloop.engine.web.IntakeLimits;
import io.closeloop.engine.web.TokenBucket;
import io.closeloop.workers.connector.webhook.WebhookRejected;

/**
 * The per-caller rate for webhooks: the API's filter cannot tell vendors apart, since a
 * vendor is known only once its call is authenticated, so each vendor's authenticated
 * calls take from a bucket of their own, at the API key's rate.
 */
@Component
class WebhookRateLimits {

	private final IntakeLimits limits;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	WebhookRateLimits(IntakeLimits limits) {
		this.limits = limits;
	}

	/**
	 * Takes one call of the vendor's.
	 * @throws WebhookRejected 429 when the vendor sends faster than its rate
	 */
	void take(String vendor) {
		Duration wait = this.buckets
			.computeIfAbsent(vendor,
					(name) -> new TokenBucket(this.limits.requestsPerSecond(), this.limits.burst(), System::nanoTime))
			.take();
		if (!wait.isZero()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			throw new WebhookRejected(WebhookRejected.Reason.RATE_LIMITED, "Too many webhooks from " + vendor
					+ "; slow down to " + this.limits.requestsPerSecond() + " a second (retry after " + seconds + " s)",
					List.of());
		}
	}

}
