package io.closeloop.engine.telemetry;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One metric sample as an RMM (or anything else) reports it. */
public record TelemetryRequest(
		@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*",
				message = "may contain only letters, digits, '.', '_' and '-'") String tenant,
		@NotNull @Valid Device device,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*",
				message = "may contain only letters, digits, '.', '_' and '-'") String metric,
		@NotNull Double value, @NotNull Instant at) {

	Series series() {
		return new Series(this.tenant, this.device.id(), this.metric);
	}

	/** The device the sample was taken on. */
	public record Device(@NotBlank @Size(max = 200) String id, @Size(max = 255) String hostname) {

	}

}
