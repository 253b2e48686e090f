package io.closeloop.engine.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rules come from.
 *
 * @param directory a directory of rule files, watched and reloaded on change; when it
 * does not exist, the rules packaged in the application are used, without reload
 * @param pollInterval how often the directory is checked for changes
 */
@ConfigurationProperties("closeloop.rules")
public record RulesProperties(String directory, Duration pollInterval) {

	public RulesProperties {
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(2);
	}

	/** The directory as a path, relative ones resolved against the working directory. */
	Path directoryPath() {
		return (this.directory != null && !this.directory.isBlank()) ? Path.of(this.directory) : null;
	}

}
