package io.closeloop.workers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.closeloop.rules.ActiveRules;
import io.closeloop.rules.RuleSetCompiler;
import io.closeloop.rules.RuleSource;

/** The shipped rules a test needs, compiled once per call. */
public final class TestRules {

	private TestRules() {
	}

	/** Only the vendor alert types table: what the webhooks' translators ask. */
	public static ActiveRules vendorTypes() {
		String path = "io/closeloop/rules/types/vendor-alert-types.drl.csv";
		try (InputStream in = TestRules.class.getClassLoader().getResourceAsStream(path)) {
			return new ActiveRules(new RuleSetCompiler()
				.compile(List.of(new RuleSource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8))), "test"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
