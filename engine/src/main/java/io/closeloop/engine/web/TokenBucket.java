package io.closeloop.engine.web;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code rate} tokens a second, holding at most {@code capacity}. A
 * request takes a token or, when none is left, learns how long until one is.
 */
public final class TokenBucket {

	private final double ratePerNano;

	private final double capacity;

	private final LongSupplier nanoTime;

	private double tokens;

	private long refilledAt;

	public TokenBucket(double ratePerSecond, int capacity, LongSupplier nanoTime) {
		this.ratePerNano = ratePerSecond / 1_000_000_000.0;
		this.capacity = capacity;
		this.nanoTime = nanoTime;
		this.tokens = capacity;
		this.refilledAt = nanoTime.getAsLong();
	}

	/**
	 * Takes a token; returns zero when one was there, else how long to wait for the next.
	 */
	public synchronized Duration take() {
		long now = this.nanoTime.getAsLong();
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.ratePerNano);
		this.refilledAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return Duration.ZERO;
		}
		return Duration.ofNanos((long) Math.ceil((1 - this.tokens) / this.ratePerNano));
	}

}
