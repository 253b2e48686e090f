package io.closeloop.rules;

import java.util.List;
import java.util.stream.Stream;

/**
 * The categories the rules know, as the catalog claims them: those with a fix (a row in
 * {@code remediation-catalog.drl.csv}) and those deliberately without one, which the
 * policy hands to a person.
 */
final class CatalogCategories {

	static final List<String> WITH_FIX = List.of("disk-space-low", "temp-folder-bloat", "event-log-full", "high-cpu",
			"memory-high", "low-virtual-memory", "pagefile-too-small", "pending-reboot", "patch-install-failed",
			"windows-update-stalled", "time-sync-drift", "scheduled-task-failed", "agent-outdated", "service-stopped",
			"sql-service-stopped", "iis-app-pool-stopped", "exchange-queue-backlog", "windows-search-stopped",
			"backup-failed", "shadow-copy-failed", "antivirus-threat", "av-definitions-outdated", "av-disabled",
			"defender-scan-overdue", "firewall-disabled", "bitlocker-suspended", "certificate-expiring",
			"certificate-expired", "account-locked-out", "password-expiring", "group-policy-failed",
			"dns-resolution-failure", "network-adapter-down", "vpn-tunnel-down", "mapped-drive-disconnected",
			"print-spooler-stopped", "printer-queue-stuck", "printer-offline", "print-driver-error",
			"office-activation-failed", "onedrive-sync-stopped", "teams-cache-corrupt");

	/** No safe fix: hardware, power, attacks, a device that does not answer. */
	static final List<String> WITHOUT_FIX = List.of("agent-offline", "brute-force", "hardware-failure",
			"disk-smart-warning", "raid-degraded", "ups-on-battery", "high-latency", "dhcp-scope-exhausted");

	private CatalogCategories() {
	}

	static List<String> all() {
		return Stream.concat(WITH_FIX.stream(), WITHOUT_FIX.stream()).toList();
	}

}
