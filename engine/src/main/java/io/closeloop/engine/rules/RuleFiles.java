package io.closeloop.engine.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.closeloop.rules.RuleSource;

/** Reads rule files (DRL, and the decision tables Drools reads: {@code *.drl.csv}). */
final class RuleFiles {

	static final String CLASSPATH_ROOT = "io/closeloop/rules/";

	private RuleFiles() {
	}

	static boolean isRuleFile(String name) {
		return name.endsWith(".drl") || name.endsWith(".drl.csv");
	}

	/**
	 * Every rule file under the directory, named by its path relative to it, in name
	 * order.
	 */
	static List<RuleSource> fromDirectory(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			List<RuleSource> sources = new ArrayList<>();
			for (Path file : files.filter(Files::isRegularFile)
				.filter((path) -> isRuleFile(path.getFileName().toString()))
				.sorted()
				.toList()) {
				String name = directory.relativize(file).toString().replace('\\', '/');
				sources.add(new RuleSource(name, Files.readString(file, StandardCharsets.UTF_8)));
			}
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read rules from " + directory, ex);
		}
	}

	/** The rule files packaged in the application (the rules module's resources). */
	static List<RuleSource> fromClasspath() {
		try {
			List<RuleSource> sources = new ArrayList<>();
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + CLASSPATH_ROOT + "**/*");
			for (Resource resource : resources) {
				String path = resource.getURL().getPath();
				if (!resource.isReadable() || !isRuleFile(path)) {
					continue;
				}
				try (InputStream in = resource.getInputStream()) {
					String name = path.substring(path.lastIndexOf(CLASSPATH_ROOT) + CLASSPATH_ROOT.length());
					sources.add(new RuleSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
			sources.sort(Comparator.comparing(RuleSource::name));
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the packaged rules", ex);
		}
	}

	/**
	 * A short content hash: the same files give the same version, so decisions name what
	 * decided them.
	 */
	static String version(List<RuleSource> sources) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (RuleSource source : sources) {
				digest.update(source.name().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(source.content().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
