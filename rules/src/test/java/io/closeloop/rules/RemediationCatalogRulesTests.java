package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;

class RemediationCatalogRulesTests {

	private static final String TABLE = "decision/remediation-catalog.drl.csv";

	private final RuleSet rules = RuleFiles.compile(TABLE);

	@Test
	void shouldOfferDiskCleanupForLowDiskSpace() {
		RemediationMatch match = single("disk-space-low");
		assertThat(match.script()).isEqualTo("disk-cleanup");
		assertThat(match.verification()).isEqualTo("disk-free-above-threshold");
		assertThat(match.confidence()).isGreaterThanOrEqualTo(0.9);
		assertThat(match.reboots()).isFalse();
	}

	@Test
	void shouldMarkTheRebootFixAsRebooting() {
		assertThat(single("pending-reboot").reboots()).isTrue();
	}

	@Test
	void shouldKeepTheFirstCatalogAsItWas() {
		assertThat(List.of(single("disk-space-low"), single("service-stopped"), single("print-spooler-stopped"),
				single("high-cpu"), single("pending-reboot"), single("backup-failed"), single("antivirus-threat")))
			.containsExactly(
					new RemediationMatch("disk-space-low", "disk-cleanup", "disk-free-above-threshold", 0.95, false),
					new RemediationMatch("service-stopped", "restart-service", "service-running", 0.9, false),
					new RemediationMatch("print-spooler-stopped", "clear-print-spooler", "service-running", 0.95,
							false),
					new RemediationMatch("high-cpu", "restart-top-cpu-process", "cpu-below-threshold", 0.6, false),
					new RemediationMatch("pending-reboot", "scheduled-reboot", "no-pending-reboot", 0.9, true),
					new RemediationMatch("backup-failed", "rerun-backup-job", "last-backup-succeeded", 0.85, false),
					new RemediationMatch("antivirus-threat", "antivirus-full-scan", "no-active-threats", 0.7, false));
	}

	@Test
	void shouldOfferExactlyTheFixOfEachRowOfTheTable() {
		List<String[]> rows = rows();
		for (String[] row : rows) {
			assertThat(matches(row[1])).as(row[0])
				.containsExactly(new RemediationMatch(row[1], row[2], row[3], Double.parseDouble(row[4]),
						Boolean.parseBoolean(row[5])));
		}
		assertThat(rows).extracting((row) -> row[1]).containsExactlyElementsOf(CatalogCategories.WITH_FIX);
	}

	@Test
	void shouldHaveOneRowAndOneRulePerCategoryWithAFix() {
		assertThat(rows()).hasSize(42);
		assertThat(this.rules.ruleCount()).isEqualTo(42);
		assertThat(CatalogCategories.WITH_FIX).hasSize(42).doesNotHaveDuplicates();
	}

	@Test
	void shouldKnowFiftyCategoriesWithAndWithoutAFix() {
		assertThat(CatalogCategories.all()).hasSize(50).doesNotHaveDuplicates();
	}

	@Test
	void shouldHaveNoRowForCategoriesWithoutASafeFix() {
		for (String category : CatalogCategories.WITHOUT_FIX) {
			assertThat(matches(category)).as(category).isEmpty();
		}
	}

	@Test
	void shouldOfferNothingForACategoryItDoesNotKnow() {
		assertThat(matches("coffee-machine-empty")).isEmpty();
	}

	@Test
	void shouldRebootOnlyWhereTheFixNeedsIt() {
		assertThat(CatalogCategories.WITH_FIX.stream().map(this::single).filter(RemediationMatch::reboots))
			.extracting(RemediationMatch::category)
			.containsExactlyInAnyOrder("pending-reboot", "pagefile-too-small");
	}

	@Test
	void shouldHaveConfidencesBetweenZeroAndOne() {
		assertThat(CatalogCategories.WITH_FIX.stream().map(this::single))
			.allSatisfy((match) -> assertThat(match.confidence()).isBetween(0.5, 1.0));
	}

	@Test
	void shouldFireEveryRowAfterClassificationAndBeforeThePolicy() {
		// The salience is set per row: a table-wide one would apply to every rule of the
		// package, the policy's included.
		String drl = new SpreadsheetCompiler()
			.compile(new ByteArrayInputStream(table().getBytes(StandardCharsets.UTF_8)), InputType.CSV);
		assertThat(drl.lines().filter((line) -> line.trim().startsWith("rule "))).hasSize(42);
		assertThat(drl.lines().filter((line) -> line.trim().equals("salience 50"))).hasSize(42);
		assertThat(drl.lines().filter((line) -> line.trim().startsWith("salience"))).hasSize(42);
	}

	@Test
	void shouldReportAMistypedCellByItsRowInTheTable() {
		String table = table();
		String broken = table.replace("\"no-pending-reboot\",\"0.9\"", "\"no-pending-reboot\",\"high\"");
		int row = rowOf(table, "\"pending-reboot\"");

		assertThatExceptionOfType(RuleCompilationException.class).isThrownBy(() -> compile(broken))
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement().satisfies((error) -> {
				assertThat(error.file()).isEqualTo(RuleFiles.ROOT + TABLE);
				assertThat(error.line()).isEqualTo(row);
				assertThat(error.message()).contains("high");
			}));
	}

	@Test
	void shouldReportAMalformedTableByItsRowInsteadOfFailingTheBuild() {
		String table = table();
		String broken = table.replace("\"agent-version-current\",\"0.9\",\"false\",\"50\"",
				"\"agent-version-current\",\"0.9\",\"false\",\"fifty\"");
		int row = rowOf(table, "\"agent-outdated\"");

		assertThatExceptionOfType(RuleCompilationException.class).isThrownBy(() -> compile(broken))
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement().satisfies((error) -> {
				assertThat(error.file()).isEqualTo(RuleFiles.ROOT + TABLE);
				assertThat(error.line()).isEqualTo(row);
			}));
	}

	@Test
	void shouldReportTwoRowsWithTheSameNameByTheLaterOne() {
		String table = table();
		String broken = table.replace("\"Catalog: reactivate Office\"", "\"Catalog: clear the Teams cache\"");

		assertThatExceptionOfType(RuleCompilationException.class).isThrownBy(() -> compile(broken))
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement()
				.satisfies((error) -> assertThat(error.line())
					.isEqualTo(rowOf(table, "\"Catalog: clear the Teams cache\""))));
	}

	@Test
	void shouldReadTheTableAsASpreadsheetSavesItWithAByteOrderMark() {
		RuleSet saved = new RuleSetCompiler()
			.compile(List.of(new RuleSource(RuleFiles.ROOT + TABLE, "\uFEFF" + table())), "saved");
		assertThat(saved.ruleCount()).isEqualTo(42);
	}

	private RemediationMatch single(String category) {
		List<RemediationMatch> matches = matches(category);
		assertThat(matches).as(category).hasSize(1);
		return matches.get(0);
	}

	private List<RemediationMatch> matches(String category) {
		return this.rules.evaluate(List.of(new AlertCategory(category))).facts(RemediationMatch.class);
	}

	private static void compile(String table) {
		new RuleSetCompiler().compile(List.of(new RuleSource(RuleFiles.ROOT + TABLE, table)), "broken");
	}

	private static String table() {
		return RuleFiles.read(TABLE).content();
	}

	/**
	 * The data rows: name, category, script, verification, confidence, reboots, order.
	 */
	private static List<String[]> rows() {
		return table().lines()
			.filter((line) -> line.startsWith("\"Catalog: "))
			.map((line) -> line.substring(1, line.length() - 1).split("\",\""))
			.peek((cells) -> assertThat(cells).as(Arrays.toString(cells)).hasSize(7))
			.toList();
	}

	/** The row of the table (its line in the file, from 1) that contains the text. */
	private static int rowOf(String table, String text) {
		List<String> lines = table.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(text);
	}

}
