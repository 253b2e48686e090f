package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The decision's rule files together, as the engine loads them. */
class RuleSetTests {

	private final RuleSet rules = RuleFiles.compile("classification/classification.drl",
			"classification/security-signals.drl", "classification/production.drl",
			"decision/remediation-catalog.drl.csv", "decision/escalation-policy.drl", "decision/client-overrides.drl",
			"autonomy/autonomy.drl");

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
		Decision decision = decide(RuleFiles.alert("coffee.machine.empty", "server", "Linux", "out of beans"));
		assertThat(decision.tier()).isEqualTo(Tier.L3);
		assertThat(decision.remediation()).isNull();
		assertThat(decision.confidence()).isZero();
		assertThat(decision.category()).isNull();
	}

	@Test
	void shouldDecideTheNewCategoriesByThePolicy() {
		record Case(String type, String role, String message, String category, String remediation, Tier tier) {
		}
		for (Case c : List.of(
				// A protection switched off may be tampering: a person looks first, on
				// any
				// device.
				new Case("firewall.off", "workstation", "", "firewall-disabled", "enable-windows-firewall", Tier.L3),
				new Case("firewall.off", "server", "", "firewall-disabled", "enable-windows-firewall", Tier.L3),
				// A confident fix that does not reboot, on a workstation: acts alone.
				new Case("temp.folder.large", "laptop", "", "temp-folder-bloat", "clear-temp-folders", Tier.L1),
				new Case("av.definitions.outdated", "desktop", "", "av-definitions-outdated", "update-av-definitions",
						Tier.L1),
				// The same fix on a server waits for a technician.
				new Case("temp.folder.large", "server", "", "temp-folder-bloat", "clear-temp-folders", Tier.L2),
				// A fix that reboots waits for a technician.
				new Case("pagefile.too.small", "workstation", "", "pagefile-too-small", "set-system-managed-pagefile",
						Tier.L2),
				// Confidence under 0.8 waits for a technician.
				new Case("nic.down", "workstation", "", "network-adapter-down", "reset-network-adapter", Tier.L2),
				new Case("certificate", "workstation", "Certificate expired on 1 March", "certificate-expired",
						"renew-certificate", Tier.L2),
				// Client data waits for a technician.
				new Case("service.stopped", "database-server", "MSSQLSERVER stopped", "sql-service-stopped",
						"restart-sql-service", Tier.L2),
				new Case("account.locked.out", "domain-controller", "jdoe", "account-locked-out", "unlock-ad-account",
						Tier.L2),
				// No safe fix, hardware, or an attack: a person.
				new Case("raid.degraded", "server", "", "raid-degraded", null, Tier.L3),
				new Case("disk.smart.warning", "workstation", "", "disk-smart-warning", null, Tier.L3),
				new Case("ups.on.battery", "server", "", "ups-on-battery", null, Tier.L3),
				new Case("packet.loss.high", "workstation", "", "high-latency", null, Tier.L3),
				new Case("dhcp.scope.exhausted", "server", "", "dhcp-scope-exhausted", null, Tier.L3),
				new Case("account.lockouts", "domain-controller", "", "brute-force", null, Tier.L3))) {
			Decision decision = decide(RuleFiles.alert(c.type(), c.role(), "", c.message()));
			assertThat(decision.category()).as(c.type()).isEqualTo(c.category());
			assertThat(decision.remediation()).as(c.type()).isEqualTo(c.remediation());
			assertThat(decision.tier()).as(c.type() + " on a " + c.role()).isEqualTo(c.tier());
		}
	}

	@Test
	void shouldGiveTheReasonsOfAnL2Decision() {
		Decision decision = decide(RuleFiles.alert("exchange.queue.high", "server", "Windows Server 2019", ""));
		assertThat(decision.remediation()).isEqualTo("restart-exchange-transport");
		assertThat(decision.reasons()).contains("L2: the device is a server", "L2: confidence 0.7 is below 0.8",
				"L2: touches production data: Exchange holds client mail");
		assertThat(decision.rulesFired()).contains("Exchange queue backlog",
				"Catalog: restart the Exchange transport service");
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
		assertThat(this.rules
			.decide(workstationDisk, this.rules.classify(workstationDisk), (category) -> AutonomyMode.APPROVAL,
					List.of())
			.path()).isEqualTo(ActionPath.Path.APPROVE);
		Decision shadow = this.rules.decide(workstationDisk, this.rules.classify(workstationDisk),
				(category) -> AutonomyMode.SHADOW, List.of());
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
		Decision vip = this.rules.decide(workstationDisk, this.rules.classify(workstationDisk),
				(category) -> AutonomyMode.AUTONOMOUS, List.of(new VipClient("acme")));
		assertThat(vip.tier()).isEqualTo(Tier.L2);
		assertThat(vip.path()).isEqualTo(ActionPath.Path.APPROVE);
		assertThat(vip.rulesFired()).contains("VIP clients' fixes need approval");

		AlertFact reboot = RuleFiles.alert("reboot.pending", "workstation", "Windows 11", "");
		assertThat(this.rules
			.decide(reboot, this.rules.classify(reboot), (category) -> AutonomyMode.AUTONOMOUS,
					List.of(new WithinMaintenanceWindow("acme")))
			.path()).isEqualTo(ActionPath.Path.ACT);
	}

	@Test
	void shouldCountItsRules() {
		assertThat(this.rules.ruleCount()).isGreaterThan(20);
		assertThat(this.rules.fileCount()).isEqualTo(7);
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
			.isThrownBy(() -> new RuleSetCompiler()
				.compile(List.of(RuleFiles.read("classification/classification.drl"), broken), "x"))
			.satisfies((ex) -> {
				assertThat(ex.getErrors()).isNotEmpty();
				assertThat(ex.getErrors().get(0).file()).isEqualTo("io/closeloop/rules/broken.drl");
				assertThat(ex.getErrors().get(0).line()).isEqualTo(5);
			});
	}

	@Test
	void shouldDecideOnTheClassificationItIsGivenWithoutClassifyingAgain() {
		// Worded as a full disk, classified (when it came) as a stopped print spooler:
		// the
		// decision follows the classification, and no classification rule fires again.
		AlertFact alert = RuleFiles.alert("disk.space.low", "workstation", "Windows 11", "C: free space 4%");
		Classification spooler = new Classification(List.of("print-spooler-stopped"),
				List.of(new DeviceTrait(DeviceTrait.Kind.WORKSTATION, "the device is a workstation")),
				List.of("Print spooler stopped"));

		Decision decision = this.rules.decide(alert, spooler, (category) -> AutonomyMode.AUTONOMOUS, List.of());

		assertThat(decision.category()).isEqualTo("print-spooler-stopped");
		assertThat(decision.remediation()).isEqualTo("clear-print-spooler");
		assertThat(decision.rulesFired()).startsWith("Print spooler stopped").doesNotContain("Disk space low");
	}

	@Test
	void shouldNeverActAloneOnAnAlertWhoseWordsReportAnAttackWhateverItsType() {
		for (AlertFact alert : List.of(
				RuleFiles.alert("disk.space.low", "workstation", "Windows 11",
						"C: free space 2%: 18,220 files renamed with extension .lockbit"),
				RuleFiles.alert("cpu.high", "workstation", "Windows 11", "xmrig.exe using 98% CPU"), RuleFiles
					.alert("temp.folder.large", "laptop", "Windows 10", "C:\\Users\\Public\\svchost.exe is 300 MB"))) {
			Decision decision = decide(alert);
			assertThat(decision.tier()).as(alert.getMessage()).isEqualTo(Tier.L3);
			assertThat(decision.path()).as(alert.getMessage()).isEqualTo(ActionPath.Path.PERSON);
		}
	}

	@Test
	void shouldNeverRestartAStoppedProtectionAlone() {
		for (String message : List.of("Service 'SentinelAgent' stopped", "CrowdStrike Falcon Sensor not running",
				"The Windows Firewall (MpsSvc) service entered the stopped state.",
				"Veeam Backup Service is not running")) {
			Decision decision = decide(RuleFiles.alert("service.stopped", "workstation", "Windows 11", message));
			assertThat(decision.tier()).as(message).isEqualTo(Tier.L3);
			assertThat(decision.path()).as(message).isNotEqualTo(ActionPath.Path.ACT);
		}
	}

	@Test
	void shouldNeverActAloneOnProductionEquipmentTheRmmCallsAWorkstation() {
		Decision decision = decide(RuleFiles.alert("disk.space.low", "workstation", "Windows 10 IoT Enterprise",
				"Packaging line HMI: C: free space 3%"));
		assertThat(decision.tier()).isEqualTo(Tier.L2);
		assertThat(decision.reasons()).contains("L2: a production device: the alert names production equipment");
	}

	@Test
	void shouldNeverActAloneOnADeviceTheClientMarkedProduction() {
		AlertFact alert = RuleFiles.alert("disk.space.low", "workstation", "Windows 11", "C: free space 4%");
		Decision decision = this.rules.decide(alert, this.rules.classify(alert), (category) -> AutonomyMode.AUTONOMOUS,
				List.of(new ProductionDevice("ACME-LAB-07")));
		assertThat(decision.tier()).isEqualTo(Tier.L2);
		assertThat(decision.reasons()).contains("L2: the client marked ACME-LAB-07 a production device");
	}

	@Test
	void shouldNeverActAloneOnADeviceOfUnknownRole() {
		for (String role : java.util.Arrays.asList("", null, "unknown", "vm", "appliance")) {
			Decision decision = decide(RuleFiles.alert("disk.space.low", role, "Windows 11", "C: free space 4%"));
			assertThat(decision.tier()).as("role " + role).isNotEqualTo(Tier.L1);
			assertThat(decision.reasons()).as("role " + role)
				.contains("L2: the device's role is unknown, so it counts as a server");
		}
	}

	/** Decides with every category autonomous, so the tier alone draws the line. */
	private Decision decide(AlertFact alert) {
		return this.rules.decide(alert, this.rules.classify(alert), (category) -> AutonomyMode.AUTONOMOUS, List.of());
	}

}
