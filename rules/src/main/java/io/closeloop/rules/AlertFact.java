package io.closeloop.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The alert as the rules see it: what happened, on which device, for which tenant.
 * Immutable; everything the rules conclude about it is a fact of its own.
 */
public final class AlertFact {

	/**
	 * The rules' phrase lists and patterns, prepared once each: the rules give the same
	 * texts every time.
	 */
	private static final Map<String, List<String>> PHRASES = new ConcurrentHashMap<>();

	private static final Map<String, List<Pattern>> PATTERNS = new ConcurrentHashMap<>();

	private final String tenant;

	private final String type;

	private final String severity;

	private final String message;

	private final String deviceRole;

	private final String os;

	private final Map<String, Double> metrics;

	/**
	 * The type and message as words: lower case, one space between, a space either end.
	 */
	private final String words;

	public AlertFact(String tenant, String type, String severity, String message, String deviceRole, String os,
			Map<String, Double> metrics) {
		this.tenant = Objects.requireNonNullElse(tenant, "");
		this.type = Objects.requireNonNullElse(type, "").trim().toLowerCase(Locale.ROOT);
		this.severity = Objects.requireNonNullElse(severity, "").trim().toLowerCase(Locale.ROOT);
		this.message = Objects.requireNonNullElse(message, "");
		this.deviceRole = Objects.requireNonNullElse(deviceRole, "").trim().toLowerCase(Locale.ROOT);
		this.os = Objects.requireNonNullElse(os, "");
		this.metrics = (metrics != null) ? Map.copyOf(metrics) : Map.of();
		this.words = words(this.type + " " + this.message + " " + this.deviceRole + " " + this.os);
	}

	public String getTenant() {
		return this.tenant;
	}

	public String getType() {
		return this.type;
	}

	public String getSeverity() {
		return this.severity;
	}

	public String getMessage() {
		return this.message;
	}

	public String getDeviceRole() {
		return this.deviceRole;
	}

	public String getOs() {
		return this.os;
	}

	public Map<String, Double> getMetrics() {
		return this.metrics;
	}

	/** A metric's value, or {@code null} when the alert did not carry it. */
	public Double metric(String name) {
		return this.metrics.get(name);
	}

	/**
	 * Everything the alert says in words: its type and its message, for rules that read
	 * the whole alert whatever its type claims.
	 */
	public String getText() {
		return this.type + "\n" + this.message;
	}

	/**
	 * Whether the alert's type, message, device role or operating system says any of the
	 * phrases, given as one text, separated by commas. A phrase matches whole words only,
	 * whatever the case and the punctuation between them: {@code real-time protection}
	 * matches "Real Time Protection", and {@code encrypted} does not match "unencrypted".
	 */
	public boolean mentionsAny(String phrases) {
		for (String wanted : PHRASES.computeIfAbsent(phrases, AlertFact::phrases)) {
			if (this.words.contains(wanted)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the message, as written, matches any of the regular expressions given as
	 * one text, separated by newlines; case-insensitive, anywhere in the message. For
	 * what words cannot say: file names, paths, command lines.
	 */
	public boolean messageShows(String patterns) {
		for (Pattern pattern : PATTERNS.computeIfAbsent(patterns, AlertFact::patterns)) {
			if (pattern.matcher(this.message).find()) {
				return true;
			}
		}
		return false;
	}

	private static List<String> phrases(String phrases) {
		return Arrays.stream(phrases.split(",")).map(AlertFact::words).filter((phrase) -> !phrase.isBlank()).toList();
	}

	private static List<Pattern> patterns(String patterns) {
		return Arrays.stream(patterns.split("\n"))
			.map(String::strip)
			.filter((pattern) -> !pattern.isEmpty())
			.map((pattern) -> Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.DOTALL))
			.toList();
	}

	private static String words(String text) {
		return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip() + " ";
	}

	/** Case-insensitive test of the alert text, for rules that classify by wording. */
	public boolean mentions(String word) {
		return this.message.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
	}

}
