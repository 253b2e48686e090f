package io.closeloop.rules;

import java.util.List;

/**
 * What the rules decided for one alert.
 *
 * @param category the normalised category, or {@code null} when nothing classified the
 * alert
 * @param tier the escalation boundary
 * @param remediation the script to run, or {@code null} when there is no known fix
 * @param verification the check that proves the fix, or {@code null}
 * @param confidence how sure the catalog is of the fix (0 when there is none)
 * @param rulesFired the names of the rules that fired, in firing order
 * @param reasons why the boundary is where it is, one line per policy rule that voted
 */
public record Decision(String category, Tier tier, String remediation, String verification, double confidence,
		List<String> rulesFired, List<String> reasons) {

	public Decision {
		rulesFired = List.copyOf(rulesFired);
		reasons = List.copyOf(reasons);
	}

}
