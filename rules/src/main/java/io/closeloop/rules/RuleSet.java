package io.closeloop.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * A compiled, immutable set of rules that decides alerts. Thread-safe: each decision runs
 * in a session of its own, which is cheap and keeps decisions from seeing each other's
 * facts.
 */
public final class RuleSet {

	private final String version;

	private final KieBase kieBase;

	private final int fileCount;

	RuleSet(String version, KieBase kieBase, int fileCount) {
		this.version = version;
		this.kieBase = kieBase;
		this.fileCount = fileCount;
	}

	public String version() {
		return this.version;
	}

	public int fileCount() {
		return this.fileCount;
	}

	public int ruleCount() {
		return this.kieBase.getKiePackages().stream().map(KiePackage::getRules).mapToInt(Collection::size).sum();
	}

	/**
	 * Decides one alert in two steps: the decision rules classify it, match a fix and
	 * draw the boundary; then the autonomy rules decide, from the category's earned mode,
	 * whether Closeloop may carry the fix out.
	 * @param alert the alert
	 * @param modes the autonomy mode of a category
	 * @param context further facts both steps may use (for example that the alert belongs
	 * to a cross-tenant incident)
	 */
	public Decision decide(AlertFact alert, Function<String, AutonomyMode> modes, Collection<?> context) {
		Decision proposal = propose(alert, context);

		List<Object> autonomyFacts = new ArrayList<>(context);
		autonomyFacts.add(new Proposal(proposal.category(), proposal.tier(), proposal.remediation()));
		AutonomyMode mode = (proposal.category() != null) ? modes.apply(proposal.category()) : null;
		if (mode != null) {
			autonomyFacts.add(new CategoryMode(proposal.category(), mode));
		}
		Evaluation governed = evaluate(autonomyFacts);
		List<ActionPath> votes = governed.facts(ActionPath.class);
		// No vote means no rule allowed anything: a person looks at it.
		ActionPath.Path path = votes.isEmpty() ? ActionPath.Path.PERSON
				: votes.stream().map(ActionPath::path).reduce(ActionPath.Path.ACT, ActionPath.Path::stricter);
		List<String> pathReasons = votes.stream()
			.filter((vote) -> vote.path() == path)
			.map(ActionPath::reason)
			.sorted()
			.toList();
		List<String> fired = new ArrayList<>(proposal.rulesFired());
		fired.addAll(governed.rulesFired());
		return proposal.governed(mode, path, votes.isEmpty() ? List.of("no autonomy rule allowed acting") : pathReasons,
				fired);
	}

	/**
	 * The decision rules alone: category, fix and boundary, before autonomy is
	 * considered. Also how the application classifies an alert as it arrives, to
	 * correlate it with others.
	 */
	public Decision propose(AlertFact alert, Collection<?> context) {
		List<Object> facts = new ArrayList<>(context);
		facts.add(alert);
		return toDecision(evaluate(facts));
	}

	/**
	 * Runs the rules on the given facts in a fresh session and returns everything in
	 * working memory afterwards, with the names of the rules that fired. Lets a test of
	 * one rule file feed it the facts other files would have derived.
	 */
	public Evaluation evaluate(Collection<?> facts) {
		List<String> fired = new ArrayList<>();
		KieSession session = this.kieBase.newKieSession();
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

	private static Decision toDecision(Evaluation evaluation) {
		RemediationMatch remediation = evaluation.facts(RemediationMatch.class)
			.stream()
			.max(Comparator.comparingDouble(RemediationMatch::confidence))
			.orElse(null);
		// The category is the one the fix is for, so category and fix never disagree.
		String category = (remediation != null) ? remediation.category()
				: evaluation.facts(AlertCategory.class)
					.stream()
					.map(AlertCategory::name)
					.sorted()
					.findFirst()
					.orElse(null);
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
			return Decision.proposed(category, tier, null, null, 0.0, evaluation.rulesFired(), reasons);
		}
		return Decision.proposed(category, tier, remediation.script(), remediation.verification(),
				remediation.confidence(), evaluation.rulesFired(), reasons);
	}

	/** What a session held after its rules fired. */
	public record Evaluation(List<Object> all, List<String> rulesFired) {

		public <T> List<T> facts(Class<T> type) {
			return this.all.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

}
