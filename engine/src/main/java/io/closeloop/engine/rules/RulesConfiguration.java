package io.closeloop.engine.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.closeloop.rules.ActiveRules;
import io.closeloop.rules.RuleSet;
import io.closeloop.rules.RuleSetCompiler;
import io.closeloop.rules.RuleSource;

/**
 * Builds the rules from the DRL files at start-up. A file that does not compile stops the
 * start with every error by file and line: better than deciding alerts with half a
 * policy.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

	@Bean
	ActiveRules activeRules(
			@Value("${closeloop.rules.locations:classpath*:io/closeloop/rules/**/*.drl}") String locations) {
		List<RuleSource> sources = read(locations);
		RuleSet rules = new RuleSetCompiler().compile(sources, version(sources));
		log.info("Loaded {} rules from {} file(s), version {}", rules.ruleCount(), rules.fileCount(), rules.version());
		return new ActiveRules(rules);
	}

	private static List<RuleSource> read(String locations) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<RuleSource> sources = new ArrayList<>();
		try {
			for (String location : locations.split(",")) {
				for (Resource resource : resolver.getResources(location.trim())) {
					try (InputStream in = resource.getInputStream()) {
						String path = resource.getURL().getPath();
						int root = path.indexOf("io/closeloop/rules/");
						String name = (root >= 0) ? path.substring(root) : resource.getFilename();
						sources.add(new RuleSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read rules from " + locations, ex);
		}
		if (sources.isEmpty()) {
			throw new IllegalStateException("No rule files found at " + locations);
		}
		return sources;
	}

	/**
	 * A short content hash: the same files give the same version, so decisions name what
	 * decided them.
	 */
	private static String version(List<RuleSource> sources) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			sources.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach((source) -> {
				digest.update(source.name().getBytes(StandardCharsets.UTF_8));
				digest.update(source.content().getBytes(StandardCharsets.UTF_8));
			});
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
