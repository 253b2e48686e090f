package io.closeloop.engine.webhook;

import java.util.Locale;
import java.util.Map;

/**
 * Maps a vendor's alert type, category or check to the alert types the classification
 * rules know ({@code rules/.../classification.drl}), and its severity words to
 * Closeloop's.
 */
final class AlertTypes {

	private AlertTypes() {
	}

	/**
	 * The configured mapping first, then the vendor's built-in one, for each candidate
	 * label in turn; otherwise the first label, as a key, passed through; otherwise the
	 * fallback.
	 */
	static String resolve(Map<String, String> configured, Map<String, String> builtIn, String fallback,
			String... labels) {
		for (String label : labels) {
			String key = Payload.key(label);
			if (key.isEmpty()) {
				continue;
			}
			String type = configured.getOrDefault(key, builtIn.get(key));
			if (type != null) {
				return type;
			}
		}
		for (String label : labels) {
			String key = Payload.key(label);
			if (!key.isEmpty()) {
				return key;
			}
		}
		return fallback;
	}

	/** critical, error, warning or info; warning when the vendor's word is unknown. */
	static String severity(String vendorWord) {
		String word = (vendorWord != null) ? vendorWord.toLowerCase(Locale.ROOT).trim() : "";
		return switch (word) {
			case "critical", "emergency", "major", "high", "urgent", "p1" -> "critical";
			case "error", "failure", "failed" -> "error";
			case "info", "information", "informational", "low", "minor", "none", "p4" -> "info";
			default -> "warning";
		};
	}

	/** server or workstation, from the words an RMM uses for the device or its OS. */
	static String role(String... hints) {
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
