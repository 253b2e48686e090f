package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/alerts}: an alert as an RMM (or anything else) reports it. */
public record AlertRequest(@NotBlank @Size(max = 100) String source, @NotBlank @Size(max = 200) String externalId,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "may contain only letters, digits, '.', '_' and '-'") String tenant,
		@NotNull @Valid Device device, @NotBlank @Size(max = 200) String type,
		@NotBlank @Size(max = 50) String severity, @NotBlank @Size(max = 4000) String message,
		@Size(max = 50) Map<@Size(max = 100) String, @NotNull Double> metrics, Instant occurredAt) {

	/** The device the alert is about. */
	public record Device(@NotBlank @Size(max = 200) String id, @Size(max = 255) String hostname,
			@Size(max = 255) String os, @Size(max = 100) String role) {

	}

}
