package io.closeloop.workers.connector.ninjaone;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a NinjaOne activity means to Closeloop, from its {@code activityType},
 * {@code statusCode} and {@code activityResult} (NinjaOne's codes; the display texts
 * {@code type} and {@code status}, e.g. {@code Condition} and {@code Triggered}, are read
 * when the codes are missing). A condition raises or clears an alert; any other activity
 * that reports a threat or a failure raises one, so it reaches a person; the rest is
 * informational.
 */
enum ActivityKind {

	/** A condition triggered: an alert. */
	CONDITION_TRIGGERED,
	/** A condition reset: the alert it raised is over. */
	CONDITION_RESET,
	/** An antivirus or security product reported a threat (detected, quarantined...). */
	THREAT,
	/** A backup, patch, antivirus or other product reported a failure. */
	FAILURE,
	/** Nothing to act on: a lifecycle step, an action someone started, a success. */
	INFORMATIONAL;

	/**
	 * Actions and scripts someone started (Closeloop's own runs among them): their
	 * outcome belongs to whoever started them, Closeloop reads its own by polling.
	 */
	private static final Set<String> STARTED_WORK = Set.of("ACTION", "ACTIONSET", "SCRIPTING", "CONDITION_ACTION",
			"CONDITION_ACTIONSET", "SCHEDULED_TASK", "COMMENT");

	private static final Pattern THREAT_WORDS = Pattern.compile("THREAT|QUARANTIN|MALWARE|INFECT|RANSOM|SUSPICIOUS");

	private static final Pattern FAILURE_WORDS = Pattern.compile("FAIL|ERROR");

	static ActivityKind of(String activityType, String statusCode, String activityResult) {
		String type = code(activityType);
		String status = code(statusCode);
		if (type.equals("CONDITION")) {
			return switch (status) {
				case "TRIGGERED" -> CONDITION_TRIGGERED;
				case "RESET" -> CONDITION_RESET;
				default -> INFORMATIONAL;
			};
		}
		if (STARTED_WORK.contains(type)) {
			return INFORMATIONAL;
		}
		if (THREAT_WORDS.matcher(status).find()) {
			return THREAT;
		}
		if (FAILURE_WORDS.matcher(status).find() || code(activityResult).equals("FAILURE")) {
			return FAILURE;
		}
		return INFORMATIONAL;
	}

	/** NinjaOne's code for a word: upper case, words joined by underscores. */
	static String code(String word) {
		return (word != null) ? word.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") : "";
	}

}
