package io.closeloop.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.closeloop.rules.AlertFact;
import io.closeloop.rules.AlertSeen;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.RuleError;
import io.closeloop.rules.Tier;

class RuleLibraryTests {

	private static final AlertFact WORKSTATION_DISK = new AlertFact("acme", "disk.space.low", "warning", "",
			"workstation", "Windows 11", Map.of());

	@TempDir
	Path rules;

	@Test
	void shouldLoadTheRulesOfTheDirectory() throws IOException {
		RuleLibrary library = new RuleLibrary(copyShippedRules(), Clock.systemUTC());

		assertThat(library.status().files()).containsExactly("autonomy/autonomy.drl",
				"classification/classification.drl", "classification/production.drl",
				"classification/security-signals.drl", "correlation/correlation.drl", "decision/client-overrides.drl",
				"decision/escalation-policy.drl", "decision/remediation-catalog.drl.csv",
				"types/vendor-alert-types.drl.csv");
		assertThat(library.status().errors()).isEmpty();
		assertThat(library.active()
			.current()
			.decide(WORKSTATION_DISK, library.active().current().classify(WORKSTATION_DISK),
					(category) -> AutonomyMode.AUTONOMOUS, List.of())
			.tier()).isEqualTo(Tier.L1);
	}

	@Test
	void shouldReloadAChangedFileWithoutRestart() throws IOException {
		RuleLibrary library = new RuleLibrary(copyShippedRules(), Clock.systemUTC());
		String before = library.status().version();

		Files.writeString(this.rules.resolve("vip.drl"), """
				package io.closeloop.rules;

				rule "Everything at acme needs approval"
				when
				    AlertFact( tenant == "acme" )
				then
				    insertLogical(new TierVote(Tier.L2, "acme is a VIP client"));
				end
				""");
		RuleLibrary.Status after = library.reloadIfChanged();

		assertThat(after.version()).isNotEqualTo(before);
		assertThat(after.files()).contains("vip.drl");
		assertThat(library.active()
			.current()
			.decide(WORKSTATION_DISK, library.active().current().classify(WORKSTATION_DISK),
					(category) -> AutonomyMode.AUTONOMOUS, List.of())
			.tier()).isEqualTo(Tier.L2);
	}

	@Test
	void shouldReportABrokenFileByLineAndKeepDecidingWithThePreviousRules() throws IOException {
		RuleLibrary library = new RuleLibrary(copyShippedRules(), Clock.systemUTC());
		String before = library.status().version();

		Files.writeString(this.rules.resolve("broken.drl"), """
				package io.closeloop.rules;

				rule "Half written"
				when
				    AlertFact( tenant == )
				then
				end
				""");
		RuleLibrary.Status after = library.reloadIfChanged();

		assertThat(after.version()).isEqualTo(before);
		assertThat(after.errors()).isNotEmpty();
		RuleError first = after.errors().get(0);
		assertThat(first.file()).isEqualTo("broken.drl");
		assertThat(first.line()).isEqualTo(5);
		assertThat(library.active().current().version()).isEqualTo(before);
		assertThat(library.active()
			.current()
			.decide(WORKSTATION_DISK, library.active().current().classify(WORKSTATION_DISK),
					(category) -> AutonomyMode.AUTONOMOUS, List.of())
			.tier()).isEqualTo(Tier.L1);

		Files.delete(this.rules.resolve("broken.drl"));
		assertThat(library.reloadIfChanged().errors()).isEmpty();
	}

	@Test
	void shouldKeepTheCorrelationWindowAcrossAReload() throws IOException {
		RuleLibrary library = new RuleLibrary(copyShippedRules(), Clock.systemUTC());
		long t0 = java.time.Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();
		for (int tenant = 1; tenant <= 4; tenant++) {
			library.correlate(new AlertSeen(tenant, "tenant-" + tenant, "dev-1", "high-cpu", t0 + tenant * 60_000L));
		}

		Files.writeString(this.rules.resolve("correlation/correlation.drl"),
				Files.readString(this.rules.resolve("correlation/correlation.drl")) + "\n// edited\n");
		assertThat(library.reloadIfChanged().errors()).isEmpty();

		assertThat(library.correlate(new AlertSeen(5, "tenant-5", "dev-1", "high-cpu", t0 + 300_000L)).incident())
			.isPresent();
	}

	@Test
	void shouldNotRecompileWhenNothingChanged() throws IOException {
		RuleLibrary library = new RuleLibrary(copyShippedRules(), Clock.systemUTC());
		RuleLibrary.Status first = library.status();

		assertThat(library.reloadIfChanged()).isSameAs(first);
	}

	@Test
	void shouldUseThePackagedRulesWhenTheDirectoryIsMissing() {
		RuleLibrary library = new RuleLibrary(
				new RulesProperties(this.rules.resolve("does-not-exist").toString(), Duration.ofSeconds(2)),
				Clock.systemUTC());

		assertThat(library.status().source()).contains("classpath");
		assertThat(library.status().files()).contains("classification/classification.drl");
	}

	private RulesProperties copyShippedRules() throws IOException {
		for (var source : RuleFiles.fromClasspath()) {
			Path file = this.rules.resolve(source.name());
			Files.createDirectories(file.getParent());
			Files.writeString(file, source.content());
		}
		return new RulesProperties(this.rules.toString(), Duration.ofSeconds(2));
	}

}
