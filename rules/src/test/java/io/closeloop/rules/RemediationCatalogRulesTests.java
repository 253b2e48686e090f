package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RemediationCatalogRulesTests {

	private final RuleSet rules = RuleFiles.compile("remediation-catalog.drl");

	@Test
	void shouldOfferDiskCleanupForLowDiskSpace() {
		RemediationMatch match = single("disk-space-low");
		assertThat(match.script()).isEqualTo("disk-cleanup");
		assertThat(match.verification()).isEqualTo("disk-free-above-threshold");
		assertThat(match.confidence()).isGreaterThanOrEqualTo(0.9);
		assertThat(match.reboots()).isFalse();
	}

	@Test
	void shouldMarkTheRebootFixAsRebooting() {
		assertThat(single("pending-reboot").reboots()).isTrue();
	}

	@Test
	void shouldCoverTheFirstCatalog() {
		for (String category : List.of("disk-space-low", "service-stopped", "print-spooler-stopped", "high-cpu",
				"pending-reboot", "backup-failed", "antivirus-threat")) {
			assertThat(matches(category)).as(category).hasSize(1);
		}
	}

	@Test
	void shouldHaveNoRemediationForAgentOfflineOrHardware() {
		assertThat(matches("agent-offline")).isEmpty();
		assertThat(matches("hardware-failure")).isEmpty();
	}

	private RemediationMatch single(String category) {
		List<RemediationMatch> matches = matches(category);
		assertThat(matches).hasSize(1);
		return matches.get(0);
	}

	private List<RemediationMatch> matches(String category) {
		return this.rules.evaluate(List.of(new AlertCategory(category))).facts(RemediationMatch.class);
	}

}
