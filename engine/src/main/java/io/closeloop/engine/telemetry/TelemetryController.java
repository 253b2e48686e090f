package io.closeloop.engine.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.closeloop.ui.security.TenantScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The telemetry API: RMMs post metric samples; a trend that projects exhaustion opens a
 * scheduled-maintenance ticket before any threshold alert fires.
 */
@RestController
@RequestMapping("/api/telemetry")
@Tag(name = "Telemetry")
@SecurityRequirement(name = "apiKey")
class TelemetryController {

	private final TelemetryIntake intake;

	TelemetryController(TelemetryIntake intake) {
		this.intake = intake;
	}

	@PostMapping
	@Operation(summary = "Report metric samples",
			description = "One sample or a JSON array of up to " + TelemetryBatch.MAX_SAMPLES + " samples. "
					+ "diskFreePct and memoryFreePct (exhausted at 0) and diskUsedPct and memoryUsedPct "
					+ "(exhausted at 100) are fitted per device; a trend that projects exhaustion within the "
					+ "horizon starts one proactive-maintenance process for the device and metric.")
	@ApiResponse(responseCode = "202", description = "Stored; lists the forecasts these samples opened")
	@ApiResponse(responseCode = "400", description = "Malformed or incomplete; every field error is listed")
	@ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key")
	@ApiResponse(responseCode = "403", description = "The key may not report for a tenant in the batch")
	ResponseEntity<?> report(@Valid @RequestBody TelemetryBatch batch, Authentication caller) {
		TenantScope scope = TenantScope.of(caller);
		List<String> forbidden = batch.samples()
			.stream()
			.map(TelemetryRequest::tenant)
			.filter((tenant) -> !scope.allows(tenant))
			.distinct()
			.toList();
		if (!forbidden.isEmpty()) {
			// Nothing of a batch is stored when any of it is refused: the caller resends
			// it whole.
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("status", 403, "error", "Forbidden", "message",
						"This API key may not report telemetry for tenant(s) " + String.join(", ", forbidden)));
		}
		List<OpenedForecast> opened = this.intake.accept(batch.samples())
			.stream()
			.map((forecast) -> new OpenedForecast(forecast.getId(), forecast.getTenant(), forecast.getDeviceId(),
					forecast.getMetric(), forecast.getCurrentValue(), forecast.getProjectedExhaustionAt(),
					forecast.getDaysLeft()))
			.toList();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new AcceptedTelemetry(batch.samples().size(), opened));
	}

	/** The answer to reported samples. */
	record AcceptedTelemetry(int accepted, List<OpenedForecast> forecastsOpened) {

	}

	/**
	 * A forecast the samples opened; its proactive-maintenance process is started now, or
	 * retried while the engine cannot be reached.
	 */
	record OpenedForecast(long id, String tenant, String deviceId, String metric, double currentValue,
			Instant projectedExhaustionAt, double daysLeft) {

	}

}
