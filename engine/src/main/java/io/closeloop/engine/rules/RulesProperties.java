package io.closeloop.engine.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules come from ({@code closeloop.rules.*}).
 *
 * @param directory a directory of rule files, watched and reloaded on change; when it is
 * not set or does not exist, the rules packaged in the application are used, without
 * reload (application.yml sets it from {@code CLOSELOOP_RULES_DIR}, else the repository's
 * rules, for a run from a clone)
 * @param pollInterval how often the directory is checked for changes
 */
@ConfigurationProperties("closeloop.rules")
public record RulesProperties(String directory, @DefaultValue("PT2S") Duration pollInterval) {

	/** The directory as a path, relative ones resolved against the working directory. */
	Path directoryPath() {
		return (this.directory != null && !this.directory.isBlank()) ? Path.of(this.directory) : null;
	}

}
