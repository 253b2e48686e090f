package io.closeloop.ui.alerts;

import java.time.Instant;

/** One line of the alert list. */
public record AlertRow(long id, String tenant, String type, String deviceHostname, String status, String tier,
		Instant receivedAt) {

}
