package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.DeviceTrait.Kind;

class ClassificationRulesTests {

	private final RuleSet rules = RuleFiles.compile("classification.drl");

	@Test
	void shouldClassifyVendorDiskTypesAsDiskSpaceLow() {
		for (String type : List.of("disk.space.low", "disk.full", "DISK.LOW")) {
			assertThat(categories(RuleFiles.alert(type, "workstation", "Windows 11", "C: free space 4%"))).as(type)
				.containsExactly("disk-space-low");
		}
	}

	@Test
	void shouldClassifyAGenericDiskAlertByItsWording() {
		assertThat(categories(RuleFiles.alert("disk", "workstation", "Windows 11", "Drive C: free space is 3%")))
			.containsExactly("disk-space-low");
		assertThat(categories(RuleFiles.alert("disk", "workstation", "Windows 11", "Drive C: SMART warning")))
			.isEmpty();
	}

	@Test
	void shouldTellASpoolerFromOtherStoppedServices() {
		assertThat(
				categories(RuleFiles.alert("service.stopped", "workstation", "Windows 10", "Service Spooler stopped")))
			.containsExactly("print-spooler-stopped");
		assertThat(
				categories(RuleFiles.alert("service.stopped", "workstation", "Windows 10", "Service wuauserv stopped")))
			.containsExactly("service-stopped");
	}

	@Test
	void shouldMarkAntivirusThreatsAsSecurityIncidents() {
		RuleSet.Evaluation result = this.rules
			.evaluate(List.of(RuleFiles.alert("antivirus.threat", "workstation", "Windows 11", "Trojan found")));
		assertThat(kinds(result)).contains(Kind.SECURITY_INCIDENT);
		assertThat(result.rulesFired()).contains("Antivirus threat");
	}

	@Test
	void shouldRecogniseServersByRoleOrOperatingSystem() {
		assertThat(kinds(this.rules.evaluate(List.of(RuleFiles.alert("disk.full", "server", "Windows", "")))))
			.contains(Kind.SERVER);
		assertThat(kinds(this.rules.evaluate(List.of(RuleFiles.alert("disk.full", "", "Windows Server 2022", "")))))
			.contains(Kind.SERVER)
			.doesNotContain(Kind.WORKSTATION);
		assertThat(kinds(this.rules.evaluate(List.of(RuleFiles.alert("disk.full", "workstation", "Windows 11", "")))))
			.contains(Kind.WORKSTATION)
			.doesNotContain(Kind.SERVER);
	}

	@Test
	void shouldFlagBusinessCriticalServicesWhicheverWordTheVendorUses() {
		assertThat(kinds(this.rules
			.evaluate(List.of(RuleFiles.alert("service.down", "server", "Windows Server", "MSSQLSERVER down")))))
			.contains(Kind.CRITICAL_SERVICE);
		assertThat(kinds(this.rules
			.evaluate(List.of(RuleFiles.alert("service.stopped", "server", "Windows Server", "MSSQLSERVER stopped")))))
			.contains(Kind.CRITICAL_SERVICE, Kind.PRODUCTION_DATA);
	}

	@Test
	void shouldLeaveUnknownTypesUnclassified() {
		assertThat(categories(RuleFiles.alert("ups.on.battery", "server", "Linux", "UPS on battery"))).isEmpty();
	}

	private List<String> categories(AlertFact alert) {
		return this.rules.evaluate(List.of(alert))
			.facts(AlertCategory.class)
			.stream()
			.map(AlertCategory::name)
			.toList();
	}

	private static List<Kind> kinds(RuleSet.Evaluation evaluation) {
		return evaluation.facts(DeviceTrait.class).stream().map(DeviceTrait::kind).toList();
	}

}
