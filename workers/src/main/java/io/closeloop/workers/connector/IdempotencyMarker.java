package io.closeloop.workers.connector;

/**
 * An idempotency key written into a text a vendor keeps (a note, a ticket summary), for
 * PSAs that take no idempotency key of their own: before writing, a connector reads back
 * what is there and skips the write when it finds the marker. The marker reads as a
 * reference to a person ({@code (Closeloop ref alert-42:close-ticket)}), and its closing
 * parenthesis keeps {@code alert-4:...} from matching {@code alert-42:...}.
 */
public final class IdempotencyMarker {

	private static final String OPEN = "(Closeloop ref ";

	private static final String CLOSE = ")";

	private IdempotencyMarker() {
	}

	/** The marker for a key. */
	public static String of(String idempotencyKey) {
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.contains(CLOSE)) {
			throw new IllegalArgumentException("Not a usable idempotency key: " + idempotencyKey);
		}
		return OPEN + idempotencyKey + CLOSE;
	}

	/** The text with the key's marker on a line of its own at the end. */
	public static String append(String text, String idempotencyKey) {
		String body = (text != null) ? text.stripTrailing() : "";
		return (body.isEmpty() ? "" : body + "\n\n") + of(idempotencyKey);
	}

	/** Whether a text the vendor kept carries the key's marker. */
	public static boolean isIn(String text, String idempotencyKey) {
		return text != null && text.contains(of(idempotencyKey));
	}

}
