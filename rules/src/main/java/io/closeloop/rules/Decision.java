package io.closeloop.rules;

import java.util.List;

/**
 * What the rules decided for one alert: the one shape in which a decision is stored,
 * handed to the process, shown and audited.
 *
 * @param category the normalised category, or {@code null} when nothing classified the
 * alert
 * @param tier the escalation boundary
 * @param remediation the script to run, or {@code null} when there is no known fix
 * @param verification the check that proves the fix, or {@code null}
 * @param confidence how sure the catalog is of the fix (0 when there is none)
 * @param rulesFired the names of the rules that fired, in firing order
 * @param reasons why the boundary is where it is, one line per policy rule that voted
 * @param mode the autonomy the category had earned when it was decided, or {@code null}
 * for no category
 * @param path what Closeloop does: act, ask, only record, or hand to a person
 * @param pathReasons why, one line per autonomy rule that chose the path
 * @param ruleSetVersion the version of the rules that decided
 */
public record Decision(String category, Tier tier, String remediation, String verification, double confidence,
		List<String> rulesFired, List<String> reasons, AutonomyMode mode, ActionPath.Path path,
		List<String> pathReasons, String ruleSetVersion) {

	public Decision {
		rulesFired = (rulesFired != null) ? List.copyOf(rulesFired) : List.of();
		reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
		pathReasons = (pathReasons != null) ? List.copyOf(pathReasons) : List.of();
	}

}
