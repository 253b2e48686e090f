package io.closeloop.workers.connector;

import java.util.Map;

/**
 * What the RMM reports about a device, gathered into the ticket and shown to the
 * approver.
 */
public record DeviceFacts(String deviceId, String hostname, boolean online, String os, String lastSeen,
		Map<String, String> details) {

}
