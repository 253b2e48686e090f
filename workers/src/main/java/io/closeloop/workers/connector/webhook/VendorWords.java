package io.closeloop.workers.connector.webhook;

import java.util.Locale;
import java.util.regex.Pattern;

/** What vendors' words for severity and device mean in Closeloop's terms. */
public final class VendorWords {

	private VendorWords() {
	}

	/** critical, error, warning or info; warning when the vendor's word is unknown. */
	public static String severity(String vendorWord) {
		String word = (vendorWord != null) ? vendorWord.toLowerCase(Locale.ROOT).trim() : "";
		return switch (word) {
			case "critical", "emergency", "major", "high", "urgent", "p1" -> "critical";
			case "error", "failure", "failed" -> "error";
			case "info", "information", "informational", "low", "minor", "none", "p4" -> "info";
			default -> "warning";
		};
	}

	/**
	 * server or workstation, or null when the words do not say: the RMM's own device type
	 * decides when it names one (NinjaOne's {@code WINDOWS_SERVER}, Datto's
	 * {@code Desktop}, Tactical's {@code server}); otherwise the OS, where server
	 * families (Windows Server, Linux distributions, ESXi, BSD) count as servers. A
	 * virtual machine or a hypervisor counts as a server: what it serves is unknown. Null
	 * means unknown, which the rules treat as a server, so a guess never leans towards
	 * autonomy.
	 * @param deviceType the RMM's device type or class, if it sends one
	 * @param os the operating system as the RMM names it, if it sends one
	 */
	public static String role(String deviceType, String os) {
		String fromType = roleOf(deviceType, DEVICE_TYPE_SERVER, DEVICE_TYPE_WORKSTATION);
		return (fromType != null) ? fromType : roleOf(os, OS_SERVER, OS_WORKSTATION);
	}

	private static final Pattern DEVICE_TYPE_SERVER = Pattern.compile(
			"server|domain.?controller|esxi|hypervisor|vm.?host|vmm.?host|vm.?guest|vmm.?guest|virtual|\\bvm\\b|\\bnas\\b|storage|cluster");

	private static final Pattern DEVICE_TYPE_WORKSTATION = Pattern
		.compile("workstation|desktop|laptop|notebook|\\bmac\\b|macos|tablet");

	private static final Pattern OS_SERVER = Pattern.compile("server|esxi|vmware|hyper-?v|linux|ubuntu|debian|centos"
			+ "|red ?hat|rhel|rocky|alma|suse|oracle|fedora|freebsd|openbsd|truenas|unix|solaris|aix|synology|qnap");

	private static final Pattern OS_WORKSTATION = Pattern.compile(
			"windows (?:xp|vista|7|8|8\\.1|10|11)\\b|macos|mac os|os x|chrome ?os|windows.*\\b(?:home|pro|professional|education)\\b");

	private static String roleOf(String words, Pattern server, Pattern workstation) {
		if (words == null || words.isBlank()) {
			return null;
		}
		String lower = words.toLowerCase(Locale.ROOT).replace('_', ' ');
		if (server.matcher(lower).find()) {
			return "server";
		}
		return workstation.matcher(lower).find() ? "workstation" : null;
	}

}
