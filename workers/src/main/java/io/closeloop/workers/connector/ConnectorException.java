package io.closeloop.workers.connector;

/**
 * A vendor call that failed for a technical reason (timeout, 5xx, unreachable). Workers
 * let it through; {@code JobFailureConfiguration} turns it into a job failure that Zeebe
 * retries with backoff.
 */
public class ConnectorException extends RuntimeException {

	public ConnectorException(String message) {
		super(message);
	}

	public ConnectorException(String message, Throwable cause) {
		super(message, cause);
	}

}
