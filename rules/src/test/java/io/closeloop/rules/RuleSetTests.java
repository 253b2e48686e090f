package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The three rule files together, as the engine loads them. */
class RuleSetTests {

	private final RuleSet rules = RuleFiles.compile("classification.drl", "remediation-catalog.drl",
			"escalation-policy.drl");

	@Test
	void shouldDecideL1DiskCleanupOnAWorkstation() {
		Decision decision = this.rules.decide(new AlertFact("acme", "disk.space.low", "warning", "C: free space 4%",
				"workstation", "Windows 11", Map.of("diskFreePct", 4.0)));
		assertThat(decision.tier()).isEqualTo(Tier.L1);
		assertThat(decision.remediation()).isEqualTo("disk-cleanup");
		assertThat(decision.category()).isEqualTo("disk-space-low");
		assertThat(decision.confidence()).isEqualTo(0.95);
		assertThat(decision.rulesFired()).contains("Disk space low", "Catalog: disk cleanup for low disk space",
				"Known fix on a workstation acts alone");
	}

	@Test
	void shouldDecideL2ForTheSameAlertOnAServer() {
		Decision decision = this.rules.decide(RuleFiles.alert("disk.space.low", "server", "Windows Server 2022", ""));
		assertThat(decision.tier()).isEqualTo(Tier.L2);
		assertThat(decision.remediation()).isEqualTo("disk-cleanup");
		assertThat(decision.reasons()).contains("L2: the device is a server");
	}

	@Test
	void shouldDecideL3ForAntivirusThreatsWhateverTheCatalogOffers() {
		Decision decision = this.rules.decide(RuleFiles.alert("antivirus.threat", "workstation", "Windows 11", ""));
		assertThat(decision.tier()).isEqualTo(Tier.L3);
		assertThat(decision.rulesFired()).contains("Security incidents are handled by a person");
	}

	@Test
	void shouldDecideL3WithNoRemediationForUnknownTypes() {
		Decision decision = this.rules.decide(RuleFiles.alert("ups.on.battery", "server", "Linux", "on battery"));
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
			assertThat(this.rules.decide(RuleFiles.alert(c.type(), c.role(), "", "")).tier()).as(c.type())
				.isEqualTo(c.tier());
		}
	}

	@Test
	void shouldCountItsRules() {
		assertThat(this.rules.ruleCount()).isGreaterThan(20);
		assertThat(this.rules.fileCount()).isEqualTo(3);
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

}
