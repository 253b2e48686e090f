package io.closeloop.workers.connector.webhook;

import java.util.List;

/**
 * A webhook call refused before anything is stored, with every field that was wrong.
 */
public class WebhookRejected extends RuntimeException {

	private final Reason reason;

	private final List<FieldProblem> errors;

	public WebhookRejected(Reason reason, String message, List<FieldProblem> errors) {
		super(message, null, false, false);
		this.reason = reason;
		this.errors = List.copyOf(errors);
	}

	public static WebhookRejected malformed(List<FieldProblem> errors) {
		return new WebhookRejected(Reason.MALFORMED,
				"The payload has " + errors.size() + " missing or invalid field(s)", errors);
	}

	public static WebhookRejected unmapped(String vendor, String field, String id) {
		return new WebhookRejected(Reason.UNMAPPED,
				vendor + " " + field + " '" + id
						+ "' is not mapped to a Closeloop tenant; add it to closeloop.webhooks." + vendor + ".tenants",
				List.of(new FieldProblem(field, "'" + id + "' is not mapped to a tenant")));
	}

	public Reason reason() {
		return this.reason;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	/** Why a call was refused; each has its HTTP status. */
	public enum Reason {

		/** The payload is not what the vendor sends: 400. */
		MALFORMED(400),
		/** The call does not prove it is the vendor's: 401. */
		UNAUTHENTICATED(401),
		/** No such vendor, or it is not configured: 404. */
		NOT_CONFIGURED(404),
		/** The payload's organisation is not mapped to a tenant: 422. */
		UNMAPPED(422),
		/** The vendor sends faster than its rate: 429, to be sent again after a pause. */
		RATE_LIMITED(429),
		/**
		 * The call cannot be checked now (its signing key could not be fetched): 503, to
		 * be sent again.
		 */
		UNAVAILABLE(503);

		private final int status;

		Reason(int status) {
			this.status = status;
		}

		public int status() {
			return this.status;
		}

	}

	/** One field that was missing or wrong, and why. */
	public record FieldProblem(String field, String message) {

	}

}
