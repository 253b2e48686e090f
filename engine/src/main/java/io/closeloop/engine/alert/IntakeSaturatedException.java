package io.closeloop.engine.alert;

/**
 * Thrown instead of taking an alert when too many process starts already wait: the API
 * answers 503 with Retry-After, and the sender's retry finds room.
 */
public class IntakeSaturatedException extends RuntimeException {

	private final long backlog;

	public IntakeSaturatedException(long backlog) {
		super(backlog + " alerts are waiting for their process to start; try again shortly");
		this.backlog = backlog;
	}

	public long backlog() {
		return this.backlog;
	}

}
