package io.closeloop.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Builds rule sets in tests from the shipped DRL files, one or several at a time. */
final class RuleFiles {

	static final String ROOT = "io/closeloop/rules/";

	private RuleFiles() {
	}

	static RuleSet compile(String... fileNames) {
		List<RuleSource> sources = Arrays.stream(fileNames).map(RuleFiles::read).toList();
		return new RuleSetCompiler().compile(sources, "test");
	}

	static RuleSource read(String fileName) {
		try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(ROOT + fileName)) {
			if (in == null) {
				throw new IllegalArgumentException("No rule file " + ROOT + fileName + " on the classpath");
			}
			return new RuleSource(ROOT + fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static AlertFact alert(String type, String role, String os, String message) {
		return new AlertFact("acme", type, "warning", message, role, os, java.util.Map.of());
	}

}
