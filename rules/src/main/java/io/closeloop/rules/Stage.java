package io.closeloop.rules;

import java.util.Arrays;

/**
 * The steps an alert's rules run in, each from the rule files in a folder of its own
 * under the rules root, each in a rule base of its own: a stage sees only what the stages
 * before it concluded, never re-derives it.
 */
public enum Stage {

	/** A vendor's alert labels to the alert types the classification knows. */
	TYPES("types"),
	/** An alert to its category and the traits of its device; once per alert. */
	CLASSIFICATION("classification"),
	/** A classified alert to a known fix and the tier it lands behind. */
	DECISION("decision"),
	/** A proposal and the category's earned mode to what Closeloop may do. */
	AUTONOMY("autonomy"),
	/** Alerts as events in time: incidents across clients and recurrences. */
	CORRELATION("correlation");

	private final String folder;

	Stage(String folder) {
		this.folder = folder;
	}

	/** The folder under the rules root that holds the stage's files. */
	public String folder() {
		return this.folder;
	}

	/**
	 * The stage of a rule file, by the folder it is in
	 * ({@code decision/escalation-policy.drl} and
	 * {@code io/closeloop/rules/decision/escalation-policy.drl} are both decision rules);
	 * a file in no stage's folder is a decision rule, like the policy files.
	 */
	public static Stage of(String path) {
		String folder = folderOf(path);
		String last = folder.substring(folder.lastIndexOf('/') + 1);
		return Arrays.stream(values()).filter((stage) -> stage.folder.equals(last)).findFirst().orElse(DECISION);
	}

	/** The folder part of a rule file's path, empty for a file at the root. */
	static String folderOf(String path) {
		int slash = path.lastIndexOf('/');
		return (slash < 0) ? "" : path.substring(0, slash);
	}

}
