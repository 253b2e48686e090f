package io.closeloop.engine.alert;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.closeloop.ui.security.TenantScope;
import io.closeloop.rules.AlertStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The alert API: RMMs (and anything else) post alerts; integrations read where they
 * stand.
 */
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts")
@SecurityRequirement(name = "apiKey")
class AlertController {

	private final AlertIntake intake;

	private final AlertQueries queries;

	private final ProcessStartQueue starts;

	AlertController(AlertIntake intake, AlertQueries queries, ProcessStartQueue starts) {
		this.intake = intake;
		this.queries = queries;
		this.starts = starts;
	}

	@PostMapping
	@Operation(summary = "Report an alert",
			description = "Stores the alert and starts its process. The same source and externalId sent again "
					+ "answers 200 with the alert already stored and starts nothing. Only source, externalId, tenant "
					+ "and device.id are required; a message longer than an alert holds is cut, with a note, and "
					+ "kept whole at /api/alerts/{id}/message.")
	@ApiResponse(responseCode = "202", description = "Accepted; follow Location for its progress")
	@ApiResponse(responseCode = "200", description = "Already received; nothing new started")
	@ApiResponse(responseCode = "400",
			description = "No tenant, source, externalId or device id, or malformed; every field error is listed")
	@ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key")
	@ApiResponse(responseCode = "403", description = "The key may not report alerts for this tenant")
	ResponseEntity<?> report(@Valid @RequestBody AlertRequest request, Authentication caller) {
		if (!TenantScope.of(caller).allows(request.tenant())) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("status", 403, "error", "Forbidden", "message",
						"This API key may not report alerts for tenant " + request.tenant()));
		}
		AlertIntake.Accepted accepted = this.intake.accept(request);
		URI location = URI.create("/api/alerts/" + accepted.id());
		return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.location(location)
			.body(new AcceptedAlert(accepted.id(), accepted.status().name(), accepted.duplicate()));
	}

	@GetMapping("/summary")
	@Operation(summary = "How many of the caller's alerts are in each status",
			description = "Counts per status over the tenants the caller may see, and how many process starts "
					+ "wait for the engine (over all tenants: the queue is shared).")
	AlertSummary summary(Authentication caller) {
		Map<AlertStatus, Long> counts = this.queries.countByStatus(TenantScope.of(caller));
		long open = counts.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().isFinal())
			.mapToLong(Map.Entry::getValue)
			.sum();
		return new AlertSummary(counts, open, this.starts.waiting());
	}

	@GetMapping("/{id}")
	@Operation(summary = "An alert with its classification, decision, ticket and timeline")
	@ApiResponse(responseCode = "404", description = "No such alert")
	ResponseEntity<AlertView> find(@PathVariable long id, Authentication caller) {
		return ResponseEntity.of(this.queries.find(id, TenantScope.of(caller)));
	}

	@GetMapping(path = "/{id}/message", produces = "text/plain;charset=UTF-8")
	@Operation(summary = "An alert's whole message",
			description = "All of it, also when the alert holds only its beginning (messageTruncated).")
	@ApiResponse(responseCode = "404", description = "No such alert")
	ResponseEntity<String> message(@PathVariable long id, Authentication caller) {
		return ResponseEntity.of(this.queries.fullMessage(id, TenantScope.of(caller)));
	}

	/** Alerts per status, how many are not final yet, and how many wait to start. */
	record AlertSummary(Map<AlertStatus, Long> byStatus, long open, long waitingToStart) {

	}

	/** The answer to a reported alert. */
	record AcceptedAlert(long id, String status, boolean duplicate) {

	}

}
