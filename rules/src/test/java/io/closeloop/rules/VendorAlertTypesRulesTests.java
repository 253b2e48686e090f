package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code types/vendor-alert-types.drl.csv}: vendors' words to the alert types. */
class VendorAlertTypesRulesTests {

	private final RuleSet rules = RuleFiles.compile("types/vendor-alert-types.drl.csv");

	@Test
	void shouldTurnEachVendorsWordsIntoTheAlertTypesTheClassificationKnows() {
		assertThat(this.rules.alertType("datto", List.of("perf.disk.usage.ctx"), "datto.alert"))
			.isEqualTo("disk.space.low");
		assertThat(this.rules.alertType("datto", List.of("srvc.status.ctx"), "datto.alert"))
			.isEqualTo("service.stopped");
		assertThat(this.rules.alertType("ninjaone", List.of("windows.service"), "ninjaone.condition"))
			.isEqualTo("service.stopped");
		assertThat(this.rules.alertType("tactical", List.of("diskspace"), "tactical.alert"))
			.isEqualTo("disk.space.low");
		assertThat(this.rules.alertType("tactical", List.of("availability"), "tactical.alert"))
			.isEqualTo("agent.offline");
	}

	@Test
	void shouldKnowNinjaOnesConditionCodesAndWhatItsThreatsAndFailuresAre() {
		assertThat(
				this.rules.alertType("ninjaone", List.of("vmm.cond.memory.usage.ge", "average"), "ninjaone.condition"))
			.isEqualTo("memory.high");
		assertThat(this.rules.alertType("ninjaone", List.of("webroot.threat.detected", "threat.detected"),
				"ninjaone.condition"))
			.isEqualTo("antivirus.threat");
		assertThat(this.rules.alertType("ninjaone", List.of("ninja.backup.backupjob.failed", "ninja.backup.failed"),
				"ninjaone.condition"))
			.isEqualTo("backup.failed");
		assertThat(this.rules.alertType("ninjaone",
				List.of("patch.management.install.failed", "patch.management.failed"), "ninjaone.condition"))
			.isEqualTo("patch.failed");
	}

	@Test
	void shouldTakeTheFirstLabelTheTableKnows() {
		assertThat(this.rules.alertType("datto", List.of("custom.monitor", "cpu.usage"), "datto.alert"))
			.isEqualTo("cpu.high");
		assertThat(this.rules.alertType("datto", List.of("ransomware.ctx", "cpu.usage"), "datto.alert"))
			.isEqualTo("ransomware.detected");
	}

	@Test
	void shouldReadAVendorsWordsOnlyForThatVendor() {
		// "diskspace" is Tactical's check type; Datto does not use it.
		assertThat(this.rules.alertType("datto", List.of("diskspace"), "datto.alert")).isEqualTo("diskspace");
	}

	@Test
	void shouldPassAnUnknownLabelThroughAndFallBackWithoutAny() {
		assertThat(this.rules.alertType("autotask", List.of("subissue.311", "issue.12"), "psa.ticket"))
			.isEqualTo("subissue.311");
		assertThat(this.rules.alertType("halo", List.of(), "psa.ticket")).isEqualTo("psa.ticket");
	}

}
