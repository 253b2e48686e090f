package io.closeloop.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.template.parser.DecisionTableParseException;

/**
 * A decision table ({@code *.drl.csv}) as Drools compiles it. Drools turns the table into
 * DRL and reports errors by the line of that DRL, which nobody sees; this maps them back
 * to the row of the table, which is the line of the CSV file.
 */
final class DecisionTable {

	private static final String SUFFIX = ".drl.csv";

	/** Drools writes this comment above each rule it generates from a row. */
	private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at [A-Z]+(\\d+),");

	private static final Pattern CELL = Pattern.compile("in cell [A-Z]+(\\d+)");

	private final String name;

	/** The table row each line of the generated DRL came from (0 before any row). */
	private final int[] rowOfLine;

	private DecisionTable(String name, int[] rowOfLine) {
		this.name = name;
		this.rowOfLine = rowOfLine;
	}

	static boolean isDecisionTable(String name) {
		return name.endsWith(SUFFIX);
	}

	/**
	 * Reads a table the way Drools will.
	 * @throws RuleCompilationException when the table itself is malformed: Drools would
	 * throw from the build instead of reporting it
	 */
	static DecisionTable read(RuleSource source) {
		String drl;
		try {
			drl = new SpreadsheetCompiler()
				.compile(new ByteArrayInputStream(source.content().getBytes(StandardCharsets.UTF_8)), InputType.CSV);
		}
		catch (DecisionTableParseException ex) {
			Matcher cell = CELL.matcher(String.valueOf(ex.getMessage()));
			int row = cell.find() ? Integer.parseInt(cell.group(1)) : 0;
			throw new RuleCompilationException(List.of(new RuleError(source.name(), row, ex.getMessage())));
		}
		List<Integer> rows = new ArrayList<>();
		int row = 0;
		for (String line : drl.split("\n", -1)) {
			Matcher comment = ROW_COMMENT.matcher(line.trim());
			if (comment.find()) {
				row = Integer.parseInt(comment.group(1));
			}
			rows.add(row);
		}
		return new DecisionTable(source.name(), rows.stream().mapToInt(Integer::intValue).toArray());
	}

	/** An error Drools reported at a line of the generated DRL, located in the table. */
	RuleError error(int drlLine, String message) {
		int row = (drlLine >= 1 && drlLine <= this.rowOfLine.length) ? this.rowOfLine[drlLine - 1] : 0;
		return new RuleError(this.name, row, message);
	}

}
