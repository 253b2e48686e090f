package io.closeloop.workers.connector.webhook;

import java.util.ArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads fields out of a vendor's JSON payload, collecting every missing or malformed
 * field so the caller is told all of them at once.
 */
public final class WebhookPayload {

	/**
	 * A template variable the vendor did not fill in: Datto's {@code [alert_uid]},
	 * Tactical's {@code {{alert.id}}}.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\[[a-z_]+\\]|\\{\\{\\s*[A-Za-z0-9_.\\-]+\\s*\\}\\}");

	static final int MAX_MESSAGE = 4000;

	private final JsonNode root;

	private final String prefix;

	private final List<WebhookRejected.FieldProblem> problems = new ArrayList<>();

	private WebhookPayload(JsonNode root, String prefix) {
		this.root = root;
		this.prefix = prefix;
	}

	public static WebhookPayload of(JsonNode root) {
		return of(root, "");
	}

	/**
	 * A document inside the payload; its fields are reported as {@code name.field}.
	 */
	public static WebhookPayload of(JsonNode root, String name) {
		if (root == null || !root.isObject()) {
			throw WebhookRejected.malformed(List
				.of(new WebhookRejected.FieldProblem(name.isEmpty() ? "(body)" : name, "must be a JSON object")));
		}
		return new WebhookPayload(root, name.isEmpty() ? "" : name + ".");
	}

	/** The field's text, or null (recording the problem) when it is missing. */
	public String required(String path) {
		String value = text(path, true);
		if (value == null && !hasProblem(path)) {
			problem(path, "is missing");
		}
		return value;
	}

	/**
	 * The text of the first of the fields that has one, or null. A template variable the
	 * vendor left unfilled counts as absent: an optional field never refuses a payload.
	 */
	public String optional(String... paths) {
		for (String path : paths) {
			String value = text(path, false);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** The first of the fields that is present, or null: for the field to report. */
	public String requiredAny(String... paths) {
		String value = optional(paths);
		if (value == null && !hasProblem(paths[0])) {
			for (String path : paths) {
				if (unfilled(path) != null) {
					problem(path, "is the unfilled template variable " + unfilled(path));
					return null;
				}
			}
			problem(String.join(" or ", paths), "is missing");
		}
		return value;
	}

	public JsonNode node(String path) {
		JsonNode node = this.root;
		for (String part : path.split("\\.")) {
			if (node != null && node.isArray() && part.chars().allMatch(Character::isDigit)) {
				node = node.get(Integer.parseInt(part));
			}
			else if (node != null && node.isObject()) {
				node = node.get(part);
			}
			else {
				return null;
			}
		}
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
	}

	public void problem(String field, String message) {
		this.problems.add(new WebhookRejected.FieldProblem(this.prefix + field, message));
	}

	/** Throws the 400 listing every problem found, if there is any. */
	public void check() {
		if (!this.problems.isEmpty()) {
			throw WebhookRejected.malformed(this.problems);
		}
	}

	private String text(String path, boolean required) {
		JsonNode node = node(path);
		if (node == null) {
			return null;
		}
		if (!node.isValueNode()) {
			problem(path, "must be a text or a number");
			return null;
		}
		String value = node.asText().trim();
		if (value.isEmpty()) {
			return null;
		}
		if (PLACEHOLDER.matcher(value).matches()) {
			if (required) {
				problem(path, "is the unfilled template variable " + value);
			}
			return null;
		}
		return value;
	}

	/** The unfilled template variable the field holds, or null. */
	private String unfilled(String path) {
		JsonNode node = node(path);
		String value = (node != null && node.isValueNode()) ? node.asText().trim() : "";
		return PLACEHOLDER.matcher(value).matches() ? value : null;
	}

	private boolean hasProblem(String path) {
		return this.problems.stream().anyMatch((problem) -> problem.field().equals(this.prefix + path));
	}

	/** Long vendor messages are cut to what an alert holds rather than refused. */
	public static String clip(String message) {
		return (message == null || message.length() <= MAX_MESSAGE) ? message
				: message.substring(0, MAX_MESSAGE - 1) + "…";
	}

	/**
	 * The labels of the fields that name the kind of alert, in order: each present
	 * field's value as a key, after its prefix if the field has one
	 * ({@code subissue:Fields.SubIssueType} gives {@code subissue.311}).
	 */
	public List<String> labels(List<String> typeFields) {
		List<String> labels = new ArrayList<>();
		for (String field : typeFields) {
			int colon = field.indexOf(':');
			String prefix = (colon > 0) ? field.substring(0, colon) : null;
			String value = key(optional((colon > 0) ? field.substring(colon + 1) : field));
			if (!value.isEmpty()) {
				labels.add((prefix != null) ? key(prefix) + "." + value : value);
			}
		}
		return labels;
	}

	/** A vendor's label as a key: lower case, words joined by dots. */
	public static String key(String label) {
		if (label == null) {
			return "";
		}
		return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
	}

}
