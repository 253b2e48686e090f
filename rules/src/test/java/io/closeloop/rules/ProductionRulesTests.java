package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.DeviceTrait.Kind;

/**
 * {@code classification/production.drl}: production equipment and production data named
 * by an alert, whatever the RMM calls the device.
 */
class ProductionRulesTests {

	private final RuleSet rules = RuleFiles.compile("classification/production.drl");

	@Test
	void shouldRecogniseProductionEquipmentOnADeviceCalledAWorkstation() {
		for (AlertFact alert : List.of(
				RuleFiles.alert("disk.space.low", "workstation", "Windows 10 IoT Enterprise LTSC", "C: free space 3%"),
				RuleFiles.alert("service.stopped", "workstation", "Windows 10",
						"Packaging line 2 HMI: service 'WinCC' stopped"),
				RuleFiles.alert("cpu.high", "desktop", "Windows 11", "SCADA historian at 95% CPU"),
				RuleFiles.alert("memory.high", "workstation", "Windows 10", "POS terminal 4 memory at 92%"),
				RuleFiles.alert("printer.offline", "laptop", "Windows 11", "Kiosk receipt printer offline"),
				RuleFiles.alert("agent.outdated", "workstation", "Windows 10",
						"Lab instrument controller PC runs agent 4.1"),
				RuleFiles.alert("disk.usage", "workstation", "Windows 11", "CNC machine controller D: at 97%"))) {
			assertThat(kinds(alert)).as(alert.getMessage() + " / " + alert.getOs()).contains(Kind.PRODUCTION_DEVICE);
		}
	}

	@Test
	void shouldRecogniseProductionDataNamedByTheAlert() {
		for (AlertFact alert : List.of(
				RuleFiles.alert("disk.space.low", "workstation", "Windows 11",
						"D: holds the QuickBooks company file; 2% free"),
				RuleFiles.alert("disk.full", "workstation", "Windows 11", "SQL Server Express data on E: is full"),
				RuleFiles.alert("temp.folder.large", "workstation", "Windows 11",
						"Temp folder on the practice management PC (patient records) is 14 GB"),
				RuleFiles.alert("service.stopped", "desktop", "Windows 10",
						"Service MySQL80 (MySQL Server 8.0) stopped"))) {
			assertThat(kinds(alert)).as(alert.getMessage()).contains(Kind.PRODUCTION_DATA);
		}
	}

	@Test
	void shouldSeeNeitherInEverydayOfficeAlerts() {
		for (AlertFact alert : List.of(
				RuleFiles.alert("disk.space.low", "workstation", "Windows 11", "C: free space 4%"),
				RuleFiles.alert("print.spooler.stopped", "workstation", "Windows 11", "Print Spooler stopped"),
				RuleFiles.alert("cpu.high", "laptop", "Windows 11", "chrome.exe at 97% CPU"),
				RuleFiles.alert("onedrive.sync.stopped", "workstation", "Windows 10", "OneDrive sync stopped"),
				RuleFiles.alert("memory.high", "workstation", "Windows 11", "Outlook using 3.2 GB"), RuleFiles
					.alert("service.stopped", "workstation", "Windows 11", "Service stopped until next restart"))) {
			assertThat(kinds(alert)).as(alert.getMessage())
				.doesNotContain(Kind.PRODUCTION_DEVICE, Kind.PRODUCTION_DATA);
		}
	}

	private List<Kind> kinds(AlertFact alert) {
		return this.rules.evaluate(List.of(alert)).facts(DeviceTrait.class).stream().map(DeviceTrait::kind).toList();
	}

}
