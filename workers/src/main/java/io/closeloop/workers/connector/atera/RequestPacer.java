package io.closeloop.workers.connector.atera;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.closeloop.workers.connector.ConnectorException;

/**
 * Spreads requests evenly over the minute: each one starts at least
 * {@code 1 min / requests-per-minute} after the one before, whichever thread sends it, so
 * a poll reading many pages and the workers asking for devices together stay under the
 * account's limit instead of running into 429s.
 */
final class RequestPacer {

	private final long intervalNanos;

	private long nextStart = System.nanoTime();

	RequestPacer(int requestsPerMinute) {
		this.intervalNanos = Duration.ofMinutes(1).toNanos() / requestsPerMinute;
	}

	/** Waits until the next request may start, and books that start. */
	synchronized void awaitTurn() {
		long now = System.nanoTime();
		long wait = this.nextStart - now;
		if (wait > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ConnectorException("Atera request interrupted while waiting its turn");
			}
			now = this.nextStart;
		}
		this.nextStart = now + this.intervalNanos;
	}

}
