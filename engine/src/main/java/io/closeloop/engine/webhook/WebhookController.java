package io.closeloop.engine.webhook;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.engine.security.SignInThrottle;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.connector.webhook.WebhookAuth;
import io.closeloop.workers.connector.webhook.WebhookDelivery;
import io.closeloop.workers.connector.webhook.WebhookRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/webhooks/{vendor}}: RMMs and PSAs call Closeloop in their own payload
 * shapes, each authenticated its own way instead of by API key. A secret that comes in
 * the headers or the URL is checked before the body is read; a signature, once the body
 * is read (up to the intake limit). Nothing is stored before the call is authenticated
 * and its payload read, and a delivery handled before is not acted on again.
 */
@RestController
@Tag(name = "Webhooks")
class WebhookController {

	private final WebhookVendors vendors;

	private final WebhookAuthenticator authenticator;

	private final WebhookIntake intake;

	private final ObjectMapper json;

	private final WebhookDeliveries deliveries;

	private final WebhookRateLimits limits;

	private final SignInThrottle throttle;

	private final AlertJournal journal;

	WebhookController(WebhookVendors vendors, WebhookAuthenticator authenticator, WebhookIntake intake,
			ObjectMapper json, WebhookDeliveries deliveries, WebhookRateLimits limits, SignInThrottle throttle,
			AlertJournal journal) {
		this.journal = journal;
		this.vendors = vendors;
		this.authenticator = authenticator;
		this.intake = intake;
		this.json = json;
		this.deliveries = deliveries;
		this.limits = limits;
		this.throttle = throttle;
	}

	@PostMapping("/api/webhooks/{vendor}")
	@Operation(summary = "Receive a vendor's webhook",
			description = "Vendors: datto, ninjaone, tactical (alerts and their resolution), connectwise, autotask, "
					+ "halo (new tickets). Each authenticates as configured under closeloop.webhooks.<vendor>; "
					+ "see docs/webhooks.md.")
	@ApiResponse(responseCode = "202", description = "Alert received and its process starting, or a clear passed on")
	@ApiResponse(responseCode = "200",
			description = "Already received (this delivery, or this alert), already final, "
					+ "cleared before start, or acknowledged and ignored")
	@ApiResponse(responseCode = "400", description = "Malformed payload; every missing or invalid field is listed")
	@ApiResponse(responseCode = "401", description = "Not authenticated as the vendor; nothing stored")
	@ApiResponse(responseCode = "404", description = "No such vendor, or the vendor is not configured")
	@ApiResponse(responseCode = "413", description = "The body is larger than the intake limit")
	@ApiResponse(responseCode = "429",
			description = "The vendor sends faster than its limit, or this address failed "
					+ "to authenticate too often")
	@ApiResponse(responseCode = "422",
			description = "The payload's organisation (or a Halo display value) is not mapped to a tenant")
	@ApiResponse(responseCode = "503", description = "The signature cannot be checked now; nothing stored")
	ResponseEntity<Map<String, Object>> receive(@PathVariable String vendor, HttpServletRequest request,
			@RequestHeader HttpHeaders headers,
			@RequestParam(name = WebhookAuthenticator.TOKEN_PARAMETER, required = false) String token)
			throws IOException {
		String name = vendor.toLowerCase(Locale.ROOT);
		WebhookVendors.Configured configured = this.vendors.find(name)
			.orElseThrow(() -> new WebhookRejected(WebhookRejected.Reason.NOT_CONFIGURED,
					"No webhook is configured for '" + vendor + "' (closeloop.webhooks." + name + ")", List.of()));
		Map<String, String> lower = lowerCase(headers);
		boolean signed = configured.auth() == WebhookAuth.SIGNATURE;
		if (!signed) {
			// A secret in a header, the URL or basic authentication: checked before a
			// byte
			// of the body is read.
			authenticate(configured, null, lower, token, request);
		}
		byte[] payload = request.getInputStream().readAllBytes();
		if (signed) {
			authenticate(configured, payload, lower, token, request);
		}
		this.limits.take(name);
		String digest = WebhookDeliveries.digest(name, payload);
		Optional<ReceivedDelivery> before = this.deliveries.handledBefore(digest);
		if (before.isPresent()) {
			if (before.get().alertId() != null) {
				this.journal.step(before.get().alertId(), "Duplicate received",
						"the same " + name + " delivery again, first handled at " + before.get().receivedAt()
								+ "; nothing was done again");
			}
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("id", before.get().alertId());
			answer.put("duplicate", true);
			answer.put("replayed", true);
			answer.put("message",
					"This delivery was handled at " + before.get().receivedAt() + "; nothing was done again");
			return ResponseEntity.ok(answer);
		}
		WebhookDelivery delivery = configured.webhook().translate(parse(payload), configured.settings());
		ResponseEntity<Map<String, Object>> answer = this.intake.handle(configured.webhook(), configured.settings(),
				delivery);
		if (answer.getStatusCode().is2xxSuccessful()) {
			Object alertId = (answer.getBody() != null) ? answer.getBody().get("id") : null;
			this.deliveries.handled(digest, name, (alertId instanceof Number id) ? id.longValue() : null);
		}
		return answer;
	}

	/** Authenticates the call; a failure counts against the caller's address. */
	private void authenticate(WebhookVendors.Configured configured, byte[] payload, Map<String, String> headers,
			String token, HttpServletRequest request) {
		try {
			this.authenticator.authenticate(configured, payload, headers, token);
		}
		catch (WebhookRejected ex) {
			if (ex.reason() == WebhookRejected.Reason.UNAUTHENTICATED) {
				this.throttle.failed(request.getRemoteAddr());
			}
			throw ex;
		}
	}

	@ExceptionHandler(WebhookRejected.class)
	ResponseEntity<Map<String, Object>> rejected(WebhookRejected ex) {
		HttpStatus status = HttpStatus.valueOf(ex.reason().status());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", ex.getMessage());
		body.put("errors", ex.errors());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, "30");
		}
		if (status == HttpStatus.TOO_MANY_REQUESTS) {
			response.header(HttpHeaders.RETRY_AFTER, "1");
		}
		return response.body(body);
	}

	private JsonNode parse(byte[] payload) {
		try {
			JsonNode node = this.json.readTree(payload);
			if (node == null || node.isMissingNode()) {
				throw WebhookRejected
					.malformed(List.of(new WebhookRejected.FieldProblem("(body)", "is empty; send a JSON object")));
			}
			return node;
		}
		catch (IOException ex) {
			throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "The request body is not valid JSON",
					List.of(new WebhookRejected.FieldProblem("(body)", "is not valid JSON")));
		}
	}

	private static Map<String, String> lowerCase(HttpHeaders headers) {
		Map<String, String> lower = new LinkedHashMap<>();
		headers.forEach((name, values) -> {
			if (!values.isEmpty()) {
				lower.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
			}
		});
		return lower;
	}

}
