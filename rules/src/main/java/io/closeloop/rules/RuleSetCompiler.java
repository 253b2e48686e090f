package io.closeloop.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.internal.builder.conf.GroupDRLsInKieBasesByFolderOption;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles rule files (DRL and decision tables, {@code *.drl.csv}) into a
 * {@link RuleSet}: one build, one rule base per {@link Stage}, each from the files in the
 * stage's folder. Uses the DRL (MVEL) build rather than the executable model: it reports
 * errors with their line and rebuilds faster.
 */
public final class RuleSetCompiler {

	private static final AtomicLong BUILDS = new AtomicLong();

	private final KieServices kieServices = KieServices.get();

	/**
	 * Compiles the sources.
	 * @param sources the rule files, each named by its path under the rules root, in the
	 * folder of its stage ({@code classification/classification.drl})
	 * @param version a label for the rule set (shown with decisions and in audit)
	 * @return the compiled rules
	 * @throws RuleCompilationException with every error, located by file and line
	 */
	public RuleSet compile(Collection<RuleSource> sources, String version) {
		return new RuleSet(version, build(sources), sources.size());
	}

	/**
	 * Compiles correlation rules alone.
	 * @throws RuleCompilationException with every error, located by file and line
	 */
	public EventRules compileEvents(Collection<RuleSource> sources, String version) {
		return compile(sources, version).events();
	}

	private Map<Stage, KieBase> build(Collection<RuleSource> sources) {
		ReleaseId releaseId = this.kieServices.newReleaseId("io.closeloop.rules.runtime", "ruleset",
				"1.0." + BUILDS.incrementAndGet());
		KieFileSystem files = this.kieServices.newKieFileSystem();
		files.generateAndWritePomXML(releaseId);
		Map<String, DecisionTable> tables = new HashMap<>();
		List<RuleError> errors = new ArrayList<>();
		Map<Stage, List<String>> stages = new EnumMap<>(Stage.class);
		for (RuleSource given : sources) {
			RuleSource source = withoutByteOrderMark(given);
			Stage stage = Stage.of(source.name());
			List<String> folders = stages.computeIfAbsent(stage, (key) -> new ArrayList<>());
			String folder = Stage.folderOf(source.name()).replace('/', '.');
			if (!folders.contains(folder)) {
				folders.add(folder);
			}
			// Drools picks the compiler by the suffix of this path: a table not named
			// *.drl.csv would be silently ignored.
			files.write("src/main/resources/" + source.name(), source.content());
			if (DecisionTable.isDecisionTable(source.name())) {
				try {
					tables.put(source.name(), DecisionTable.read(source));
				}
				catch (RuleCompilationException ex) {
					errors.addAll(ex.getErrors());
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new RuleCompilationException(errors);
		}
		files.writeKModuleXML(module(stages).toXML());
		KieBuilder builder = this.kieServices.newKieBuilder(files).buildAll();
		for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
			String file = stripRoot(message.getPath());
			String text = message.getText().trim();
			DecisionTable table = tables.get(file);
			errors.add((table != null) ? table.error(message.getLine(), text)
					: new RuleError(file, message.getLine(), text));
		}
		try {
			if (!errors.isEmpty()) {
				throw new RuleCompilationException(errors);
			}
			KieContainer container = this.kieServices.newKieContainer(releaseId);
			Map<Stage, KieBase> bases = new EnumMap<>(Stage.class);
			stages.keySet().forEach((stage) -> bases.put(stage, container.getKieBase(stage.name())));
			return bases;
		}
		finally {
			// Every build stays in the global KieRepository until removed: remove it, or
			// each reload leaks its rule bases.
			this.kieServices.getRepository().removeKieModule(releaseId);
		}
	}

	/**
	 * One rule base per stage that has files, made of the files in its folders (Drools
	 * names a folder as a package: its path, dotted).
	 */
	private KieModuleModel module(Map<Stage, List<String>> stages) {
		KieModuleModel module = this.kieServices.newKieModuleModel();
		// A file belongs to the rule base of its folder, whatever package its rules
		// declare: every rule file shares the package of the facts.
		module.setConfigurationProperty(GroupDRLsInKieBasesByFolderOption.PROPERTY_NAME, "true");
		for (Map.Entry<Stage, List<String>> entry : stages.entrySet()) {
			Stage stage = entry.getKey();
			KieBaseModel base = module.newKieBaseModel(stage.name());
			entry.getValue().forEach(base::addPackage);
			if (stage == Stage.CORRELATION) {
				base.setEventProcessingMode(EventProcessingOption.STREAM);
			}
		}
		return module;
	}

	/**
	 * Spreadsheets save "CSV UTF-8" with a byte-order mark, which Drools would read as
	 * part of the first cell: the table would lose its package and every row fail.
	 */
	private static RuleSource withoutByteOrderMark(RuleSource source) {
		return source.content().startsWith("\uFEFF") ? new RuleSource(source.name(), source.content().substring(1))
				: source;
	}

	private static String stripRoot(String path) {
		if (path == null) {
			return "(unknown file)";
		}
		String root = "src/main/resources/";
		return path.startsWith(root) ? path.substring(root.length()) : path;
	}

}
