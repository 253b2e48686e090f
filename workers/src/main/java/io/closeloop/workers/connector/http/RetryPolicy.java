package io.closeloop.workers.connector.http;

import java.util.Locale;
import java.time.Duration;
import java.util.function.Predicate;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Builds the resilience4j retries a vendor client uses: only transient failures are
 * retried, a vendor's {@code Retry-After} is the wait when it gave one, and otherwise the
 * wait doubles from the initial backoff.
 */
final class RetryPolicy {

	private RetryPolicy() {
	}

	static Retry of(String name, HttpSettings settings, Idempotence idempotence) {
		Predicate<Throwable> retried = (idempotence == Idempotence.IDEMPOTENT) ? (ex) -> ex instanceof TransientFailure
				: (ex) -> ex instanceof TransientFailure failure && failure.surelyNotActedOn();
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.retryOnException(retried)
			.intervalBiFunction(wait(settings))
			.build();
		return Retry.of(name + "-" + idempotence.name().toLowerCase(Locale.ROOT), config);
	}

	private static IntervalBiFunction<Object> wait(HttpSettings settings) {
		return (attempt, outcome) -> {
			if (outcome.isLeft() && outcome.getLeft() instanceof TransientFailure failure
					&& failure.retryAfter() != null) {
				return failure.retryAfter().toMillis();
			}
			int doublings = Math.min(Math.max(attempt - 1, 0), 10);
			Duration backoff = settings.initialBackoff().multipliedBy(1L << doublings);
			return Math.min(backoff.toMillis(), settings.maxRetryAfter().toMillis());
		};
	}

}
