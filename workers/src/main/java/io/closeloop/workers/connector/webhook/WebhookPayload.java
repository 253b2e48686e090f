package io.closeloop.workers.connector.webhook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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

	private final JsonNode root;

	private final String prefix;

	private final boolean ignoringCase;

	private final List<WebhookRejected.FieldProblem> problems = new ArrayList<>();

	private WebhookPayload(JsonNode root, String prefix, boolean ignoringCase) {
		this.root = root;
		this.prefix = prefix;
		this.ignoringCase = ignoringCase;
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
		return new WebhookPayload(root, name.isEmpty() ? "" : name + ".", false);
	}

	/**
	 * The payload, its field names matched whatever their case: for a vendor whose
	 * spelling of them is not pinned down ({@code QueueID}, {@code QueueId},
	 * {@code queueID}). A name spelled exactly as asked wins over one that differs only
	 * in case.
	 */
	public static WebhookPayload ignoringCase(JsonNode root) {
		WebhookPayload payload = of(root);
		return new WebhookPayload(payload.root, payload.prefix, true);
	}

	/**
	 * The field's text, or null (recording the problem) when it is missing, not a text,
	 * or an unfilled template variable.
	 */
	public String required(String path) {
		return first(true, path);
	}

	/**
	 * The text of the first of the fields that has one, or null. A field that is not a
	 * text, or holds an unfilled template variable, counts as missing: an optional field
	 * never refuses an alert.
	 */
	public String optional(String... paths) {
		return first(false, paths);
	}

	/**
	 * The text of the first of the fields that has one, or null (recording the problem,
	 * under the first field's name or all of them).
	 */
	public String requiredAny(String... paths) {
		return first(true, paths);
	}

	private String first(boolean required, String... paths) {
		for (String path : paths) {
			String value = text(path, false);
			if (value != null) {
				return value;
			}
		}
		if (!required) {
			return null;
		}
		// None has a value: say what is wrong with each that is there at all.
		for (String path : paths) {
			text(path, true);
		}
		if (Arrays.stream(paths).noneMatch(this::hasProblem)) {
			problem(String.join(" or ", paths), "is missing");
		}
		return null;
	}

	public JsonNode node(String path) {
		JsonNode node = this.root;
		for (String part : path.split("\\.")) {
			if (node != null && node.isArray() && part.chars().allMatch(Character::isDigit)) {
				node = node.get(Integer.parseInt(part));
			}
			else if (node != null && node.isObject()) {
				node = field(node, part);
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
			if (required) {
				problem(path, "must be a text or a number");
			}
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

	private boolean hasProblem(String path) {
		return this.problems.stream().anyMatch((problem) -> problem.field().equals(this.prefix + path));
	}

	private JsonNode field(JsonNode object, String name) {
		JsonNode exact = object.get(name);
		if (exact != null || !this.ignoringCase) {
			return exact;
		}
		for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
			String candidate = names.next();
			if (candidate.equalsIgnoreCase(name)) {
				return object.get(candidate);
			}
		}
		return null;
	}

	/**
	 * The text and what follows it on a new line, either of which may be missing: a
	 * ticket's title and its description. Null when both are.
	 */
	public static String lines(String first, String second) {
		if (first == null) {
			return second;
		}
		return (second != null) ? first + "\n" + second : first;
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
