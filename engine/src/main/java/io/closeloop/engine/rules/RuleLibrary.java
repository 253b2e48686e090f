package io.closeloop.engine.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.closeloop.rules.ActiveRules;
import io.closeloop.rules.AlertSeen;
import io.closeloop.rules.CorrelationSession;
import io.closeloop.rules.EventRules;
import io.closeloop.rules.RuleCompilationException;
import io.closeloop.rules.RuleError;
import io.closeloop.rules.RuleSet;
import io.closeloop.rules.RuleSetCompiler;
import io.closeloop.rules.RuleSource;
import io.closeloop.rules.Stage;

/**
 * Loads the rules and keeps them current. At start-up the rules must compile, or the
 * application does not start. Afterwards a changed rule directory is compiled in the
 * background: rules that compile replace the active ones at once; rules that do not are
 * reported (file, line, message) and the previous rules keep deciding.
 */
@Component
public class RuleLibrary implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RuleLibrary.class);

	private final RuleSetCompiler compiler = new RuleSetCompiler();

	private final Path directory;

	private final Clock clock;

	private final ActiveRules active;

	private final Object correlationLock = new Object();

	private CorrelationSession correlation;

	private volatile Status status;

	private String lastSeenVersion;

	private final Duration pollInterval;

	RuleLibrary(RulesProperties properties, Clock clock) {
		this.clock = clock;
		this.pollInterval = properties.pollInterval();
		Path configured = properties.directoryPath();
		if (configured != null && Files.isDirectory(configured)) {
			this.directory = configured.toAbsolutePath().normalize();
		}
		else {
			if (configured != null) {
				log.info("Rule directory {} not found: using the rules packaged in the application (no reload)",
						configured.toAbsolutePath().normalize());
			}
			this.directory = null;
		}
		List<RuleSource> sources = read();
		String version = RuleFiles.version(sources);
		RuleSet rules = this.compiler.compile(sources, version);
		this.correlation = events(rules).newSession();
		this.active = new ActiveRules(rules);
		this.lastSeenVersion = rules.version();
		this.status = new Status(rules.version(), rules.ruleCount(), names(sources), source(), this.clock.instant(),
				List.of());
		log.info("Loaded {} rules from {} file(s) in {}, version {}", rules.ruleCount(), sources.size(), source(),
				rules.version());
	}

	/**
	 * The rules deciding now; the same object for the application's lifetime, its content
	 * swapped on reload.
	 */
	public ActiveRules active() {
		return this.active;
	}

	public Status status() {
		return this.status;
	}

	/**
	 * Checks the rule directory every {@code closeloop.rules.poll-interval}. In every
	 * instance: each decides with the rules it loaded, and a reload writes nothing
	 * shared.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::reloadIfChanged, this.pollInterval);
	}

	/** Checks the rule directory and reloads it when its files changed. */
	public synchronized Status reloadIfChanged() {
		if (this.directory == null || !Files.isDirectory(this.directory)) {
			return this.status;
		}
		List<RuleSource> sources = read();
		String version = RuleFiles.version(sources);
		if (version.equals(this.lastSeenVersion)) {
			return this.status;
		}
		this.lastSeenVersion = version;
		try {
			RuleSet rules = this.compiler.compile(sources, version);
			EventRules events = events(rules);
			this.active.replace(rules);
			replaceCorrelation(events);
			this.status = new Status(version, rules.ruleCount(), names(sources), source(), this.clock.instant(),
					List.of());
			log.info("Reloaded {} rules from {}, version {}", rules.ruleCount(), source(), version);
		}
		catch (RuleCompilationException ex) {
			Status previous = this.status;
			this.status = new Status(previous.version(), previous.ruleCount(), previous.files(), previous.source(),
					previous.loadedAt(), ex.getErrors());
			log.warn("Rules in {} did not compile; version {} keeps deciding:\n{}", source(), previous.version(),
					ex.getMessage());
		}
		return this.status;
	}

	/**
	 * Correlates an alert with the ones before it. The session outlives reloads: a reload
	 * replays the alerts in its window into the new rules, so no window starts empty.
	 */
	public CorrelationSession.Correlation correlate(AlertSeen alert) {
		synchronized (this.correlationLock) {
			return this.correlation.observe(alert);
		}
	}

	/**
	 * Starts correlating afresh from the alerts seen before, oldest first: what an
	 * instance that takes correlation over knows of the alerts others correlated.
	 */
	public void rebuildCorrelation(List<AlertSeen> seen) {
		synchronized (this.correlationLock) {
			CorrelationSession previous = this.correlation;
			this.correlation = events(this.active.current()).replay(seen);
			previous.close();
		}
	}

	private void replaceCorrelation(EventRules next) {
		synchronized (this.correlationLock) {
			CorrelationSession previous = this.correlation;
			this.correlation = next.replay(previous.window());
			previous.close();
		}
	}

	/** The set's correlation rules, which every set must have. */
	private EventRules events(RuleSet rules) {
		if (rules.events() == null) {
			throw new RuleCompilationException(List.of(new RuleError(Stage.CORRELATION.folder() + "/", 0,
					"no correlation rules in " + source() + "; the correlation stage needs its folder")));
		}
		return rules.events();
	}

	private List<RuleSource> read() {
		List<RuleSource> sources = (this.directory != null) ? RuleFiles.fromDirectory(this.directory)
				: RuleFiles.fromClasspath();
		if (sources.isEmpty()) {
			throw new IllegalStateException("No rule files in " + source());
		}
		return sources;
	}

	private String source() {
		return (this.directory != null) ? this.directory.toString() : "the application (classpath)";
	}

	private static List<String> names(List<RuleSource> sources) {
		return sources.stream().map(RuleSource::name).toList();
	}

	/**
	 * The rules in force and the outcome of the last reload attempt.
	 *
	 * @param errors why the files on disk are not in force; empty when they are
	 */
	public record Status(String version, int ruleCount, List<String> files, String source, Instant loadedAt,
			List<RuleError> errors) {

	}

}
