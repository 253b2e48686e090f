package io.closeloop.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * A compiled, immutable set of rules, one rule base per {@link Stage}. Thread-safe: each
 * evaluation runs in a session of its own, which is cheap and keeps alerts from seeing
 * each other's facts.
 */
public final class RuleSet {

	private final String version;

	private final Map<Stage, KieBase> bases;

	private final int fileCount;

	private final EventRules events;

	RuleSet(String version, Map<Stage, KieBase> bases, int fileCount) {
		this.version = version;
		this.bases = Map.copyOf(bases);
		this.fileCount = fileCount;
		KieBase correlation = bases.get(Stage.CORRELATION);
		this.events = (correlation != null) ? new EventRules(version, correlation) : null;
	}

	public String version() {
		return this.version;
	}

	public int fileCount() {
		return this.fileCount;
	}

	public int ruleCount() {
		return this.bases.values()
			.stream()
			.flatMap((base) -> base.getKiePackages().stream())
			.map(KiePackage::getRules)
			.mapToInt(Collection::size)
			.sum();
	}

	/**
	 * The correlation rules, or null when the set has none.
	 */
	public EventRules events() {
		return this.events;
	}

	/**
	 * The alert type a vendor's labels stand for: that of the first label the
	 * {@code types/} table knows; else the first label itself, passed through; else the
	 * fallback.
	 * @param vendor the vendor's name, e.g. {@code datto}
	 * @param labels the payload's labels, as keys, most telling first
	 */
	public String alertType(String vendor, List<String> labels, String fallback) {
		List<Object> facts = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			facts.add(new VendorLabel(vendor, labels.get(i), i));
		}
		return evaluateIn(Stage.TYPES, facts).facts(VendorAlertType.class)
			.stream()
			.min(Comparator.comparingInt((VendorAlertType type) -> type.label().position()))
			.map(VendorAlertType::type)
			.orElseGet(() -> labels.isEmpty() ? fallback : labels.get(0));
	}

	/**
	 * Classifies an alert: its category and what can be told about its device. Runs once
	 * per alert; the result travels with it to correlation and to the decision.
	 */
	public Classification classify(AlertFact alert) {
		Evaluation classified = evaluateIn(Stage.CLASSIFICATION, List.of(alert));
		return new Classification(classified.facts(AlertCategory.class).stream().map(AlertCategory::name).toList(),
				classified.facts(DeviceTrait.class), classified.rulesFired());
	}

	/**
	 * Decides a classified alert in two steps: the decision rules match a fix and draw
	 * the boundary; then the autonomy rules decide, from the category's earned mode,
	 * whether Closeloop may carry the fix out. The classification is taken as given,
	 * never drawn again.
	 * @param alert the alert
	 * @param classification what {@link #classify} concluded about it
	 * @param modes the autonomy mode of a category
	 * @param context further facts both steps may use (for example that the alert belongs
	 * to a cross-tenant incident)
	 */
	public Decision decide(AlertFact alert, Classification classification, Function<String, AutonomyMode> modes,
			Collection<?> context) {
		List<Object> facts = new ArrayList<>(context);
		facts.add(alert);
		facts.addAll(classification.facts());
		Evaluation decided = evaluateIn(Stage.DECISION, facts);
		List<String> fired = new ArrayList<>(classification.rulesFired());
		fired.addAll(decided.rulesFired());
		Proposed proposal = Proposed.of(decided, classification);

		List<Object> autonomyFacts = new ArrayList<>(context);
		autonomyFacts.add(new Proposal(proposal.category(), proposal.tier(), proposal.remediation()));
		AutonomyMode mode = (proposal.category() != null) ? modes.apply(proposal.category()) : null;
		if (mode != null) {
			autonomyFacts.add(new CategoryMode(proposal.category(), mode));
		}
		Evaluation governed = evaluateIn(Stage.AUTONOMY, autonomyFacts);
		fired.addAll(governed.rulesFired());
		List<ActionPath> votes = governed.facts(ActionPath.class);
		// No vote means no rule allowed anything: a person looks at it.
		ActionPath.Path path = votes.isEmpty() ? ActionPath.Path.PERSON
				: votes.stream().map(ActionPath::path).reduce(ActionPath.Path.ACT, ActionPath.Path::stricter);
		List<String> pathReasons = votes.isEmpty() ? List.of("no autonomy rule allowed acting")
				: votes.stream().filter((vote) -> vote.path() == path).map(ActionPath::reason).sorted().toList();
		return new Decision(proposal.category(), proposal.tier(), proposal.remediation(), proposal.verification(),
				proposal.confidence(), fired, proposal.reasons(), mode, path, pathReasons, this.version);
	}

	/**
	 * Runs the stages in order on the given facts, each seeing what the stages before it
	 * concluded, and returns everything in working memory afterwards, with the names of
	 * the rules that fired. Lets a test of one rule file feed it the facts other files
	 * would have derived.
	 */
	public Evaluation evaluate(Collection<?> facts) {
		List<Object> all = new ArrayList<>(facts);
		List<String> fired = new ArrayList<>();
		for (Stage stage : Stage.values()) {
			if (stage != Stage.CORRELATION && this.bases.containsKey(stage)) {
				Evaluation evaluation = evaluateIn(stage, all);
				all = new ArrayList<>(evaluation.all());
				fired.addAll(evaluation.rulesFired());
			}
		}
		return new Evaluation(all, fired);
	}

	private Evaluation evaluateIn(Stage stage, Collection<?> facts) {
		KieBase base = this.bases.get(stage);
		if (base == null) {
			return new Evaluation(List.copyOf(facts), List.of());
		}
		List<String> fired = new ArrayList<>();
		KieSession session = base.newKieSession();
		try {
			session.addEventListener(new DefaultAgendaEventListener() {
				@Override
				public void afterMatchFired(AfterMatchFiredEvent event) {
					fired.add(event.getMatch().getRule().getName());
				}
			});
			facts.forEach(session::insert);
			session.fireAllRules();
			return new Evaluation(List.copyOf(session.getObjects()), fired);
		}
		finally {
			session.dispose();
		}
	}

	/** What a session held after its rules fired. */
	public record Evaluation(List<Object> all, List<String> rulesFired) {

		public <T> List<T> facts(Class<T> type) {
			return this.all.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

	/** The decision rules' proposal, before the autonomy rules governed it. */
	private record Proposed(String category, Tier tier, String remediation, String verification, double confidence,
			List<String> reasons) {

		static Proposed of(Evaluation evaluation, Classification classification) {
			RemediationMatch remediation = evaluation.facts(RemediationMatch.class)
				.stream()
				.max(Comparator.comparingDouble(RemediationMatch::confidence))
				.orElse(null);
			// The category is the one the fix is for, so category and fix never disagree.
			String category = (remediation != null) ? remediation.category() : classification.category();
			List<TierVote> votes = evaluation.facts(TierVote.class);
			// No vote means no rule claimed the alert: a person looks at it.
			Tier tier = votes.stream().map(TierVote::tier).reduce(Tier.L1, Tier::max);
			List<String> reasons = new ArrayList<>(votes.stream()
				.sorted(Comparator.comparing(TierVote::tier).reversed().thenComparing(TierVote::reason))
				.map((vote) -> vote.tier() + ": " + vote.reason())
				.toList());
			if (votes.isEmpty()) {
				tier = Tier.L3;
				reasons.add("L3: no rule matched this alert");
			}
			if (remediation == null) {
				return new Proposed(category, tier, null, null, 0.0, reasons);
			}
			return new Proposed(category, tier, remediation.script(), remediation.verification(),
					remediation.confidence(), reasons);
		}

	}

}
