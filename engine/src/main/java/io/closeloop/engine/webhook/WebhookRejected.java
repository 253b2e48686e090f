package io.closeloop.engine.webhook;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A webhook call refused before anything is stored: malformed (400), not authenticated
 * (401), not configured (404) or for an organisation that is not mapped (422).
 */
class WebhookRejected extends RuntimeException {

	private final HttpStatus status;

	private final List<FieldProblem> errors;

	WebhookRejected(HttpStatus status, String message, List<FieldProblem> errors) {
		super(message, null, false, false);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	static WebhookRejected malformed(List<FieldProblem> errors) {
		return new WebhookRejected(HttpStatus.BAD_REQUEST,
				"The payload has " + errors.size() + " missing or invalid field(s)", errors);
	}

	static WebhookRejected unmapped(String vendor, String field, String id) {
		return new WebhookRejected(HttpStatus.UNPROCESSABLE_ENTITY,
				vendor + " " + field + " '" + id
						+ "' is not mapped to a Closeloop tenant; add it to closeloop.webhooks." + vendor + ".tenants",
				List.of(new FieldProblem(field, "'" + id + "' is not mapped to a tenant")));
	}

	HttpStatus status() {
		return this.status;
	}

	List<FieldProblem> errors() {
		return this.errors;
	}

	/** One field that was missing or wrong, and why. */
	record FieldProblem(String field, String message) {

	}

}
