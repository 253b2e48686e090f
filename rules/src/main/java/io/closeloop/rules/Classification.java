package io.closeloop.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the classification rules concluded about an alert: its category and what they
 * derived about its device. Drawn once, when the alert arrives; correlation and the
 * decision both read it, so the two never disagree.
 *
 * @param categories the categories the rules derived, in name order (one, as a rule; none
 * for an alert nothing classified)
 * @param traits what the rules derived about the device and the alert (server, security
 * incident, production data...)
 * @param rulesFired the classification rules that fired, in firing order
 */
public record Classification(List<String> categories, List<DeviceTrait> traits, List<String> rulesFired) {

	public Classification {
		categories = (categories != null) ? categories.stream().sorted().distinct().toList() : List.of();
		traits = (traits != null) ? traits : List.<DeviceTrait>of();
		traits = traits.stream()
			.sorted(Comparator.comparing(DeviceTrait::kind).thenComparing(DeviceTrait::because))
			.distinct()
			.toList();
		rulesFired = (rulesFired != null) ? List.copyOf(rulesFired) : List.of();
	}

	/** An alert no rule classified. */
	public static Classification none() {
		return new Classification(List.of(), List.of(), List.of());
	}

	/** The alert's category, or null when nothing classified it. */
	public String category() {
		return this.categories.isEmpty() ? null : this.categories.get(0);
	}

	/** The conclusions as facts for the stages after classification. */
	List<Object> facts() {
		List<Object> facts = new ArrayList<>();
		this.categories.forEach((name) -> facts.add(new AlertCategory(name)));
		facts.addAll(this.traits);
		return facts;
	}

}
