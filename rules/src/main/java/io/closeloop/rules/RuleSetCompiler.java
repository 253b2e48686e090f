package io.closeloop.rules;

import java.util.ArrayList;
import java.util.Collection;
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
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL sources and decision tables ({@code *.drl.csv}) into a {@link RuleSet}.
 * Uses the DRL (MVEL) build rather than the executable model: it reports errors with
 * their line and rebuilds faster.
 */
public final class RuleSetCompiler {

	private static final AtomicLong BUILDS = new AtomicLong();

	private final KieServices kieServices = KieServices.get();

	/**
	 * Compiles the sources.
	 * @param sources the rule files, each named by its path under the rules root
	 * @param version a label for the rule set (shown with decisions and in audit)
	 * @return the compiled rules
	 * @throws RuleCompilationException with every error, located by file and line
	 */
	public RuleSet compile(Collection<RuleSource> sources, String version) {
		return new RuleSet(version, build(sources, false), sources.size());
	}

	/**
	 * Compiles correlation rules into a STREAM-mode base, for events in time.
	 * @throws RuleCompilationException with every error, located by file and line
	 */
	public EventRules compileEvents(Collection<RuleSource> sources, String version) {
		return new EventRules(version, build(sources, true));
	}

	private KieBase build(Collection<RuleSource> sources, boolean stream) {
		ReleaseId releaseId = this.kieServices.newReleaseId("io.closeloop.rules.runtime", "ruleset",
				"1.0." + BUILDS.incrementAndGet());
		KieFileSystem files = this.kieServices.newKieFileSystem();
		files.generateAndWritePomXML(releaseId);
		if (stream) {
			KieModuleModel module = this.kieServices.newKieModuleModel();
			module.newKieBaseModel("events").setDefault(true).setEventProcessingMode(EventProcessingOption.STREAM);
			files.writeKModuleXML(module.toXML());
		}
		Map<String, DecisionTable> tables = new HashMap<>();
		List<RuleError> errors = new ArrayList<>();
		for (RuleSource given : sources) {
			RuleSource source = withoutByteOrderMark(given);
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
			return container.getKieBase();
		}
		finally {
			// Every build stays in the global KieRepository until removed: remove it, or
			// each reload leaks a KieBase.
			this.kieServices.getRepository().removeKieModule(releaseId);
		}
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
