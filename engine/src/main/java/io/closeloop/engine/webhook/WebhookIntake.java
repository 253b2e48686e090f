package io.closeloop.engine.webhook;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

import io.closeloop.engine.alert.AlertClearing;
import io.closeloop.engine.alert.AlertIntake;
import io.closeloop.engine.alert.AlertRequest;
import io.closeloop.workers.connector.PsaConnector;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.connector.webhook.InboundAlert;
import io.closeloop.workers.connector.webhook.VendorWebhook;
import io.closeloop.workers.connector.webhook.WebhookDelivery;
import io.closeloop.workers.connector.webhook.WebhookRejected;
import io.closeloop.workers.connector.webhook.WebhookSettings;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Does what a translated webhook asks: raises the alert through the alert intake (which
 * deduplicates by source and external id), clears it, or acknowledges it with the reason
 * it is ignored.
 */
@Service
class WebhookIntake {

	private final AlertIntake intake;

	private final AlertClearing clearing;

	private final Validator validator;

	private final PsaConnector psa;

	WebhookIntake(AlertIntake intake, AlertClearing clearing, Validator validator, PsaConnector psa) {
		this.intake = intake;
		this.clearing = clearing;
		this.validator = validator;
		this.psa = psa;
	}

	ResponseEntity<Map<String, Object>> handle(VendorWebhook webhook, WebhookSettings settings,
			WebhookDelivery delivery) {
		String vendor = webhook.vendor().name();
		return switch (delivery) {
			case WebhookDelivery.Raise raise -> raise(webhook, raise.alert());
			// A vendor clears only the alerts of the tenants it may post for.
			case WebhookDelivery.Clear clear -> clear(vendor, Set.copyOf(settings.tenants().values()), clear);
			case WebhookDelivery.Ignore ignore -> ResponseEntity
				.ok(body(vendor, "ignored", Map.of("message", "Acknowledged and ignored: " + ignore.reason())));
		};
	}

	private ResponseEntity<Map<String, Object>> raise(VendorWebhook webhook, InboundAlert inbound) {
		String vendor = webhook.vendor().name();
		AlertRequest alert = AlertRequest.of(inbound);
		validate(alert);
		// A ticket from the PSA Closeloop works in is the alert's ticket: the process
		// notes and closes that one instead of opening its own.
		AlertIntake.Accepted received = webhook.isPsa() && vendor.equals(this.psa.system())
				? this.intake.accept(alert, new TicketRef(vendor, alert.externalId())) : this.intake.accept(alert);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", received.id());
		fields.put("status", received.status());
		fields.put("duplicate", received.duplicate());
		fields.put("message",
				received.duplicate() ? "Already received; nothing new started" : "Received; its process is starting");
		return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.location(URI.create("/api/alerts/" + received.id()))
			.body(body(vendor, "raised", fields));
	}

	private ResponseEntity<Map<String, Object>> clear(String vendor, Set<String> tenants, WebhookDelivery.Clear clear) {
		AlertClearing.Cleared cleared = this.clearing.clear(tenants, clear.source(), clear.externalId(), clear.why());
		Map<String, Object> fields = new LinkedHashMap<>();
		if (cleared.alertId() != null) {
			fields.put("id", cleared.alertId());
			fields.put("status", cleared.status());
		}
		fields.put("outcome", cleared.outcome().name());
		HttpStatus status = HttpStatus.OK;
		switch (cleared.outcome()) {
			case UNKNOWN -> fields.put("message",
					"No " + vendor + " alert " + clear.externalId() + " was received; nothing to clear");
			case ALREADY_FINAL ->
				fields.put("message", "The alert was already " + cleared.status() + "; nothing changed");
			case CLEARED_BEFORE_START -> fields.put("message", "Cleared before its process started; it never will");
			case CLEARING -> {
				status = HttpStatus.ACCEPTED;
				fields.put("message", "Its process was told; it notes and closes the ticket");
			}
			case ENGINE_UNAVAILABLE -> {
				status = HttpStatus.SERVICE_UNAVAILABLE;
				fields.put("message", "The process engine could not be reached to stop the alert; send it again");
			}
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header("Retry-After", "30");
		}
		return response.body(body(vendor, "cleared", fields));
	}

	private void validate(AlertRequest alert) {
		Set<ConstraintViolation<AlertRequest>> violations = this.validator.validate(alert);
		if (!violations.isEmpty()) {
			List<WebhookRejected.FieldProblem> problems = violations.stream()
				.map((violation) -> new WebhookRejected.FieldProblem("alert." + violation.getPropertyPath(),
						violation.getMessage()))
				.sorted(Comparator.comparing(WebhookRejected.FieldProblem::field))
				.toList();
			throw new WebhookRejected(WebhookRejected.Reason.MALFORMED,
					"The payload makes an alert with " + problems.size() + " invalid field(s)", problems);
		}
	}

	private static Map<String, Object> body(String vendor, String action, Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("vendor", vendor);
		body.put("action", action);
		body.putAll(fields);
		return body;
	}

}
