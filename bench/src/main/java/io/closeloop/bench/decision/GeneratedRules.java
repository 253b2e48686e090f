package io.closeloop.bench.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.closeloop.rules.RuleSource;

/**
 * The shipped rule files plus generated rules shaped like them, up to a total rule count:
 * for each generated category one classification rule (a vendor type, or a generic type
 * told apart by its wording), one remediation catalog row (a decision table row) and one
 * client override (a client whose fixes for the category need approval).
 */
public final class GeneratedRules {

	static final String ROOT = "io/closeloop/rules/";

	private GeneratedRules() {
	}

	/**
	 * The shipped rules and as many generated ones as make about {@code total} rules.
	 * @param total the rule count to reach; at most three rules above it, never below the
	 * shipped count
	 * @param shipped how many rules the shipped files hold
	 * @param shape how the generated classification rules are written
	 */
	public static List<RuleSource> upTo(int total, int shipped, Shape shape) {
		int categories = Math.max(0, (total - shipped + 2) / 3);
		List<RuleSource> sources = new ArrayList<>(shippedFiles());
		if (categories > 0) {
			sources
				.add(new RuleSource("classification/generated-classification.drl", classification(categories, shape)));
			sources.add(new RuleSource("decision/generated-catalog.drl.csv", catalog(categories)));
			sources.add(new RuleSource("decision/generated-client-overrides.drl", overrides(categories)));
		}
		return sources;
	}

	/**
	 * How a classification rule that takes a vendor type, or a generic type with a
	 * wording, is written.
	 */
	public enum Shape {

		/**
		 * One pattern with {@code ||} between the two, as the shipped rules are written
		 * ({@code in} lists are the same): the rule engine tests every such rule against
		 * every alert.
		 */
		DISJUNCTION,

		/**
		 * Two patterns joined by {@code or}, each testing {@code type ==} first: the rule
		 * engine finds the rules for a type by a hash lookup.
		 */
		INDEXED

	}

	/** The generated category {@code i}'s vendor type. */
	static String type(int i) {
		return "custom.monitor." + i;
	}

	/** The generated category {@code i}'s wording under the generic type. */
	static String phrase(int i) {
		return "component" + i + " degraded";
	}

	/** The client whose fixes for generated category {@code i} need approval. */
	static String client(int i) {
		return "client-" + (i % 200);
	}

	private static String classification(int categories, Shape shape) {
		StringBuilder drl = new StringBuilder("package io.closeloop.rules;\n\n");
		for (int i = 0; i < categories; i++) {
			drl.append("rule \"Generated monitor ").append(i).append("\"\n    salience 100\nwhen\n    ");
			String byType = "type == \"" + type(i) + "\"";
			String byWording = "type == \"custom.generic\", mentions(\"" + phrase(i) + "\")";
			if (shape == Shape.DISJUNCTION) {
				drl.append("AlertFact( ")
					.append(byType)
					.append(" || (")
					.append(byWording.replace(", ", " && "))
					.append(") )");
			}
			else {
				drl.append("AlertFact( ").append(byType).append(" ) or AlertFact( ").append(byWording).append(" )");
			}
			drl.append("\nthen\n    insertLogical(new AlertCategory(\"generated-").append(i).append("\"));\nend\n\n");
		}
		return drl.toString();
	}

	private static String catalog(int categories) {
		StringBuilder csv = new StringBuilder();
		csv.append("\"RuleSet\",\"io.closeloop.rules\"\n\"\"\n\"RuleTable Generated catalog\"\n")
			.append("\"NAME\",\"CONDITION\",\"ACTION\",\"ACTION\",\"ACTION\",\"ACTION\",\"PRIORITY\"\n")
			.append("\"\",\"AlertCategory\",\"\",\"\",\"\",\"\",\"\"\n")
			.append("\"\",\"$category : name == \"\"$param\"\"\",\"String script = \"\"$param\"\";\",")
			.append("\"String verification = \"\"$param\"\";\",\"double confidence = $param;\",")
			.append("\"insertLogical(new RemediationMatch($category, script, verification, confidence, $param));\",\"\"\n")
			.append("\"Entry\",\"Category\",\"Script\",\"Check\",\"Confidence\",\"Reboots\",\"Order\"\n");
		for (int i = 0; i < categories; i++) {
			csv.append("\"Generated catalog ")
				.append(i)
				.append("\",\"generated-")
				.append(i)
				.append("\",\"generated-fix-")
				.append(i)
				.append("\",\"generated-check-")
				.append(i)
				.append("\",\"0.9\",\"")
				.append(i % 7 == 0)
				.append("\",\"50\"\n");
		}
		return csv.toString();
	}

	private static String overrides(int categories) {
		StringBuilder drl = new StringBuilder("package io.closeloop.rules;\n\n");
		for (int i = 0; i < categories; i++) {
			drl.append("rule \"Generated override ")
				.append(i)
				.append("\"\nwhen\n    RemediationMatch( category == \"generated-")
				.append(i)
				.append("\" )\n    AlertFact( tenant == \"")
				.append(client(i))
				.append("\" )\nthen\n    insertLogical(new TierVote(Tier.L2, \"")
				.append(client(i))
				.append(" asked to approve generated-")
				.append(i)
				.append("\"));\nend\n\n");
		}
		return drl.toString();
	}

	/** The rule files the rules module ships, named as the application names them. */
	public static List<RuleSource> shippedFiles() {
		URL root = GeneratedRules.class.getClassLoader().getResource(ROOT);
		if (root == null) {
			throw new IllegalStateException("The rules module is not on the classpath");
		}
		try {
			URI uri = root.toURI();
			if ("jar".equals(uri.getScheme())) {
				try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
					return read(jar.getPath(ROOT));
				}
			}
			return read(Path.of(uri));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<RuleSource> read(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			List<RuleSource> sources = new ArrayList<>();
			for (Path file : files.filter(Files::isRegularFile)
				.filter((path) -> path.toString().endsWith(".drl") || path.toString().endsWith(".drl.csv"))
				.sorted()
				.toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					sources.add(new RuleSource(root.relativize(file).toString().replace('\\', '/'),
							new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
			return sources;
		}
	}

}
