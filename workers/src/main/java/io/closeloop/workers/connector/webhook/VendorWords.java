package io.closeloop.workers.connector.webhook;

import java.util.Locale;

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

	/** server or workstation, from the words an RMM uses for the device or its OS. */
	public static String role(String... hints) {
		for (String hint : hints) {
			if (hint == null) {
				continue;
			}
			String lower = hint.toLowerCase(Locale.ROOT);
			if (lower.contains("server") || lower.contains("domain controller")) {
				return "server";
			}
			if (lower.contains("workstation") || lower.contains("desktop") || lower.contains("laptop")
					|| lower.contains("windows") || lower.contains("mac")) {
				return "workstation";
			}
		}
		return null;
	}

}
