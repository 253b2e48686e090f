package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.closeloop.workers.connector.webhook.InboundAlert;

/**
 * {@code POST /api/alerts}: an alert as an RMM (or anything else) reports it. Only what
 * makes an alert unusable is refused: no tenant, no source and id to know it again by, no
 * device. Everything else may be left out or be too long: intake gives it its default or
 * cuts it to fit ({@link FittedAlert}).
 */
public record AlertRequest(@NotBlank @Size(max = 100) String source, @NotBlank @Size(max = 200) String externalId,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "may contain only letters, digits, '.', '_' and '-'") String tenant,
		@NotNull @Valid Device device, String type, String severity,
		@Size(max = FittedAlert.MAX_FULL_MESSAGE,
				message = "is longer than the {max} characters an alert keeps") String message,
		Map<String, Double> metrics, Instant occurredAt) {

	/** The alert a vendor raised, as intake takes it. */
	public static AlertRequest of(InboundAlert alert) {
		InboundAlert.Device device = alert.device();
		return new AlertRequest(alert.source(), alert.externalId(), alert.tenant(),
				new Device(device.id(), device.hostname(), device.os(), device.role()), alert.type(), alert.severity(),
				alert.message(), alert.metrics(), alert.occurredAt());
	}

	/** The device the alert is about. */
	public record Device(@NotBlank @Size(max = 200) String id, String hostname, String os, String role) {

	}

}
