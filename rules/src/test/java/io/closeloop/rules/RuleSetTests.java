package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The three rule files together, as the engine loads them. */
class RuleSetTests {

	private final RuleSet rules = RuleFiles.compile("classification.drl", "remediation-catalog.drl",
			"escalation-policy.drl", "client-overrides.drl", "autonomy.drl");

	@Test
	void shouldDecideL1DiskCleanupOnAWorkstation() {
		Decision decision = decide(new AlertFact("acme", "disk.space.low", "warning", "C: free space 4%", "workstation",
				"Windows 11", Map.of("diskFreePct", 4.0)));
		assertThat(decision.tier()).isEqualTo(Tier.L1);
		assertThat(decision.remediation()).isEqualTo("disk-cleanup");
		assertThat(decision.category()).isEqualTo("disk-space-low");
		assertThat(decision.confidence()).isEqualTo(0.95);
		assertThat(decision.rulesFired()).containsExactly("Disk space low", "Device is a workstation",
				"Catalog: disk cleanup for low disk space", "Known fix on a workstation acts alone",
				"Autonomous categories act alone on L1");
	}

	@Test
	void shouldDecideL2ForTheSameAlertOnAServer() {
		Decision decision = decide(RuleFiles.alert("disk.space.low", "server", "Windows Server 2022", ""));
		assertThat(decision.tier()).isEqualTo(Tier.L2);
		assertThat(decision.remediation()).isEqualTo("disk-cleanup");
		assertThat(decision.reasons()).contains("L2: the device is a server");
	}

	@Test
	void shouldDecideL3ForAntivirusThreatsWhateverTheCatalogOffers() {
		Decision decision = decide(RuleFiles.alert("antivirus.threat", "workstation", "Windows 11", ""));
		assertThat(decision.tier()).isEqualTo(Tier.L3);
		assertThat(decision.rulesFired()).contains("Security incidents are handled by a person");
	}

	@Test
	void shouldDecideL3WithNoRemediationForUnknownTypes() {
		Decision decision = decide(RuleFiles.alert("ups.on.battery", "server", "Linux", "on battery"));
		assertThat(decision.tier()).isEqualTo(Tier.L3);
		assertThat(decision.remediation()).isNull();
		assertThat(decision.confidence()).isZero();
		assertThat(decision.category()).isNull();
	}

	@Test
	void shouldDecideTheWholeFirstCatalog() {
		record Case(String type, String role, Tier tier) {
		}
		for (Case c : List.of(new Case("service.stopped", "workstation", Tier.L1),
				new Case("print.spooler.stopped", "workstation", Tier.L1), new Case("cpu.high", "workstation", Tier.L2),
				new Case("agent.offline", "workstation", Tier.L3), new Case("reboot.pending", "workstation", Tier.L2),
				new Case("backup.failed", "server", Tier.L2), new Case("hardware.failure", "server", Tier.L3),
				new Case("security.bruteforce", "server", Tier.L3))) {
			assertThat(decide(RuleFiles.alert(c.type(), c.role(), "", "")).tier()).as(c.type()).isEqualTo(c.tier());
		}
	}

	@Test
	void shouldActAloneOnlyWhenTheCategoryIsAutonomousAndTheTierL1() {
		AlertFact workstationDisk = RuleFiles.alert("disk.space.low", "workstation", "Windows 11", "");
		assertThat(decide(workstationDisk).path()).isEqualTo(ActionPath.Path.ACT);
		assertThat(this.rules.decide(workstationDisk, (category) -> AutonomyMode.APPROVAL, List.of()).path())
			.isEqualTo(ActionPath.Path.APPROVE);
		Decision shadow = this.rules.decide(workstationDisk, (category) -> AutonomyMode.SHADOW, List.of());
		assertThat(shadow.path()).isEqualTo(ActionPath.Path.SHADOW);
		assertThat(shadow.mode()).isEqualTo(AutonomyMode.SHADOW);
		assertThat(shadow.remediation()).as("shadow mode still records what it would do").isEqualTo("disk-cleanup");
		assertThat(shadow.rulesFired()).contains("Disk space low", "Shadow categories decide without acting");
	}

	@Test
	void shouldAskOnL2AndNeverActOnL3WhateverTheMode() {
		assertThat(decide(RuleFiles.alert("disk.space.low", "server", "", "")).path())
			.isEqualTo(ActionPath.Path.APPROVE);
		Decision threat = decide(RuleFiles.alert("antivirus.threat", "workstation", "", ""));
		assertThat(threat.path()).isEqualTo(ActionPath.Path.PERSON);
		assertThat(threat.pathReasons()).contains("L3 is for a person only");
	}

	@Test
	void shouldApplyClientOverridesGivenAsContext() {
		AlertFact workstationDisk = RuleFiles.alert("disk.space.low", "workstation", "Windows 11", "");
		Decision vip = this.rules.decide(workstationDisk, (category) -> AutonomyMode.AUTONOMOUS,
				List.of(new VipClient("acme")));
		assertThat(vip.tier()).isEqualTo(Tier.L2);
		assertThat(vip.path()).isEqualTo(ActionPath.Path.APPROVE);
		assertThat(vip.rulesFired()).contains("VIP clients' fixes need approval");

		AlertFact reboot = RuleFiles.alert("reboot.pending", "workstation", "Windows 11", "");
		assertThat(this.rules
			.decide(reboot, (category) -> AutonomyMode.AUTONOMOUS, List.of(new WithinMaintenanceWindow("acme")))
			.path()).isEqualTo(ActionPath.Path.ACT);
	}

	@Test
	void shouldCountItsRules() {
		assertThat(this.rules.ruleCount()).isGreaterThan(20);
		assertThat(this.rules.fileCount()).isEqualTo(5);
	}

	@Test
	void shouldReportABrokenFileWithItsNameAndLine() {
		RuleSource broken = new RuleSource("io/closeloop/rules/broken.drl", """
				package io.closeloop.rules;

				rule "Broken"
				when
				    AlertFact( type == )
				then
				end
				""");
		assertThatExceptionOfType(RuleCompilationException.class)
			.isThrownBy(() -> new RuleSetCompiler().compile(List.of(RuleFiles.read("classification.drl"), broken), "x"))
			.satisfies((ex) -> {
				assertThat(ex.getErrors()).isNotEmpty();
				assertThat(ex.getErrors().get(0).file()).isEqualTo("io/closeloop/rules/broken.drl");
				assertThat(ex.getErrors().get(0).line()).isEqualTo(5);
			});
	}

	/** Decides with every category autonomous, so the tier alone draws the line. */
	private Decision decide(AlertFact alert) {
		return this.rules.decide(alert, (category) -> AutonomyMode.AUTONOMOUS, List.of());
	}

}
