package io.closeloop.bench.decision;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.closeloop.rules.AlertFact;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.Decision;
import io.closeloop.rules.RuleSet;
import io.closeloop.rules.RuleSetCompiler;
import io.closeloop.rules.Tier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark measures rules that match: generated sets compile, reach their size and
 * decide.
 */
class GeneratedRulesTests {

	private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

	private static final Function<String, AutonomyMode> AUTONOMOUS = (category) -> AutonomyMode.AUTONOMOUS;

	private static int shipped;

	@BeforeAll
	static void countShipped() {
		shipped = COMPILER.compile(GeneratedRules.shippedFiles(), "shipped").ruleCount();
	}

	@Test
	void shouldFindEveryShippedRuleFile() {
		assertThat(GeneratedRules.shippedFiles()).extracting((source) -> source.name())
			.contains("classification/classification.drl", "decision/remediation-catalog.drl.csv",
					"autonomy/autonomy.drl");
		assertThat(shipped).isGreaterThan(100);
	}

	@Test
	void shouldReachTheRuleCountAsked() {
		RuleSet set = COMPILER.compile(GeneratedRules.upTo(1000, shipped, GeneratedRules.Shape.DISJUNCTION), "t");
		assertThat(set.ruleCount()).isBetween(1000, 1003);
	}

	@ParameterizedTest
	@EnumSource(GeneratedRules.Shape.class)
	void shouldClassifyAndFixAGeneratedCategoryByTypeAndByWording(GeneratedRules.Shape shape) {
		RuleSet set = COMPILER.compile(GeneratedRules.upTo(400, shipped, shape), "t");
		AlertFact byType = new AlertFact("client-17", GeneratedRules.type(17), "warning", "tripped", "workstation",
				"Windows 11", Map.of());
		AlertFact byWording = new AlertFact("client-3", "custom.generic", "warning",
				"Monitor reports " + GeneratedRules.phrase(40) + " since 02:00", "server", "Ubuntu", Map.of());

		Decision typed = set.decide(byType, set.classify(byType), AUTONOMOUS, List.of());
		Decision worded = set.decide(byWording, set.classify(byWording), AUTONOMOUS, List.of());

		assertThat(typed.category()).isEqualTo("generated-17");
		assertThat(typed.remediation()).isEqualTo("generated-fix-17");
		// client-17 asked to approve generated-17: the generated override votes L2.
		assertThat(typed.tier()).isEqualTo(Tier.L2);
		assertThat(worded.category()).isEqualTo("generated-40");
		assertThat(worded.remediation()).isEqualTo("generated-fix-40");
		assertThat(worded.rulesFired()).containsOnlyOnce("Generated monitor 40");
	}

}
