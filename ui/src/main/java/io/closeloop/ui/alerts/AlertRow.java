package io.closeloop.ui.alerts;

import java.time.Instant;

import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Tier;

/** One line of the alert list; {@code tier} is null before the rules decided. */
public record AlertRow(long id, String tenant, String type, String deviceHostname, AlertStatus status, Tier tier,
		Instant receivedAt) {

}
