package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.DeviceTrait.Kind;

class ClassificationRulesTests {

	private final RuleSet rules = RuleFiles.compile("classification/classification.drl");

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
		assertThat(categories(RuleFiles.alert("coffee.machine.empty", "server", "Linux", "out of beans"))).isEmpty();
	}

	@Test
	void shouldReachEveryCategoryFromAVendorType() {
		for (String category : CatalogCategories.all()) {
			assertThat(VENDOR_TYPES).as(category).containsKey(category);
			AlertFact alert = VENDOR_TYPES.get(category);
			assertThat(categories(alert)).as(alert.getType() + " " + alert.getMessage()).containsExactly(category);
		}
		assertThat(VENDOR_TYPES).hasSameSizeAs(CatalogCategories.all());
	}

	@Test
	void shouldTellGenericServiceAlertsApartByTheServiceNamed() {
		assertThat(categories(RuleFiles.alert("service.stopped", "server", "Windows Server", "MSSQLSERVER stopped")))
			.containsExactly("sql-service-stopped");
		assertThat(categories(RuleFiles.alert("service.down", "workstation", "Windows 11", "Service WSearch is down")))
			.containsExactly("windows-search-stopped");
		assertThat(categories(RuleFiles.alert("service.down", "workstation", "Windows 11", "Service BITS is down")))
			.containsExactly("service-stopped");
	}

	@Test
	void shouldTellExpiringFromExpiredCertificatesByTheirWording() {
		assertThat(categories(
				RuleFiles.alert("certificate", "server", "", "Certificate for mail.acme.com expires in 9 days")))
			.containsExactly("certificate-expiring");
		assertThat(categories(
				RuleFiles.alert("certificate", "server", "", "Certificate for mail.acme.com expired yesterday")))
			.containsExactly("certificate-expired");
	}

	@Test
	void shouldClassifyGenericEventLogAlertsByTheirWording() {
		assertThat(categories(RuleFiles.alert("eventlog", "server", "", "The Security log is full")))
			.containsExactly("event-log-full");
		assertThat(categories(RuleFiles.alert("eventlog", "workstation", "",
				"Windows successfully diagnosed a low virtual memory condition")))
			.containsExactly("low-virtual-memory");
		assertThat(categories(RuleFiles.alert("eventlog", "server", "",
				"The driver detected that the device \\Device\\Harddisk1\\DR1 has a predictive failure")))
			.containsExactly("disk-smart-warning");
		assertThat(categories(RuleFiles.alert("eventlog", "server", "", "Service Control Manager: 7036"))).isEmpty();
	}

	@Test
	void shouldClassifyGenericAntivirusStatusByItsWording() {
		assertThat(categories(RuleFiles.alert("antivirus.status", "workstation", "", "Definitions are out of date")))
			.containsExactly("av-definitions-outdated");
		assertThat(categories(RuleFiles.alert("antivirus", "workstation", "", "Real-time protection disabled")))
			.containsExactly("av-disabled");
	}

	@Test
	void shouldTreatALockoutStormAsAnAttackButOneLockedAccountAsAFix() {
		RuleSet.Evaluation storm = this.rules.evaluate(List.of(RuleFiles.alert("account.lockouts", "server", "", "")));
		assertThat(storm.facts(AlertCategory.class)).extracting(AlertCategory::name).containsExactly("brute-force");
		assertThat(kinds(storm)).contains(Kind.SECURITY_INCIDENT);

		RuleSet.Evaluation single = this.rules
			.evaluate(List.of(RuleFiles.alert("account.locked.out", "domain-controller", "", "jdoe locked out")));
		assertThat(single.facts(AlertCategory.class)).extracting(AlertCategory::name)
			.containsExactly("account-locked-out");
		assertThat(kinds(single)).doesNotContain(Kind.SECURITY_INCIDENT);
	}

	@Test
	void shouldNotTreatADisabledProtectionAsASecurityIncident() {
		for (String type : List.of("av.disabled", "firewall.disabled", "bitlocker.suspended")) {
			assertThat(kinds(this.rules.evaluate(List.of(RuleFiles.alert(type, "workstation", "", ""))))).as(type)
				.doesNotContain(Kind.SECURITY_INCIDENT);
		}
	}

	@Test
	void shouldMarkSqlAndExchangeAsProductionData() {
		for (String type : List.of("sql.service.stopped", "exchange.queue.high")) {
			assertThat(kinds(this.rules.evaluate(List.of(RuleFiles.alert(type, "server", "", ""))))).as(type)
				.contains(Kind.PRODUCTION_DATA);
		}
	}

	@Test
	void shouldMarkFailingDisksAndArraysAsHardwareFailures() {
		for (String type : List.of("disk.smart.failure", "raid.degraded", "hardware.failure", "psu.failure")) {
			assertThat(kinds(this.rules.evaluate(List.of(RuleFiles.alert(type, "server", "", ""))))).as(type)
				.contains(Kind.HARDWARE_FAILURE);
		}
	}

	@Test
	void shouldClassifyBeforeTheCatalogAndThePolicyLook() {
		List<String> lines = RuleFiles.read("classification/classification.drl")
			.content()
			.lines()
			.map(String::trim)
			.toList();
		assertThat(lines.stream().filter((line) -> line.startsWith("salience"))).hasSize(this.rules.ruleCount())
			.containsOnly("salience 100");
	}

	/** One vendor alert per category, as an RMM sends it. */
	private static final Map<String, AlertFact> VENDOR_TYPES = Map.ofEntries(
			example("disk-space-low", "low.disk.space", "C: free space 3%"),
			example("temp-folder-bloat", "temp.folder.large", "C:\\Windows\\Temp is 38 GB"),
			example("event-log-full", "eventlog.full", "Application log full"),
			example("high-cpu", "performance.cpu", "CPU 98% for 15 minutes"),
			example("memory-high", "memory.usage.high", "Memory 96% for 15 minutes"),
			example("low-virtual-memory", "commit.charge.high", "Commit charge 97%"),
			example("pagefile-too-small", "pagefile.size.low", "Page file 512 MB"),
			example("pending-reboot", "reboot.pending", "Reboot required for updates"),
			example("patch-install-failed", "patch.install.failed", "KB5034441 failed 0x80070643"),
			example("windows-update-stalled", "wsus.not.reporting", "Not reported for 30 days"),
			example("time-sync-drift", "time.drift", "Clock 7 minutes ahead"),
			example("scheduled-task-failed", "scheduled.task.failed", "Task Nightly export returned 1"),
			example("agent-outdated", "agent.update.available", "Agent 4.2 behind 4.6"),
			example("agent-offline", "online.status.offline", "No heartbeat for 20 minutes"),
			example("service-stopped", "service.stopped", "Service wuauserv stopped"),
			example("sql-service-stopped", "mssql.down", "MSSQL$SAGE is not running"),
			example("iis-app-pool-stopped", "iis.apppool.stopped", "App pool Intranet stopped"),
			example("exchange-queue-backlog", "exchange.queue.backlog", "Submission queue 1204 messages"),
			example("windows-search-stopped", "windows.search.stopped", "WSearch stopped"),
			example("backup-failed", "backup.job.failed", "Nightly job failed"),
			example("shadow-copy-failed", "vss.snapshot.failed", "Snapshot of D: failed"),
			example("antivirus-threat", "malware.detected", "Trojan:Win32/Wacatac quarantined"),
			example("av-definitions-outdated", "av.definitions.outdated", "Definitions 9 days old"),
			example("av-disabled", "defender.realtime.off", "Real-time protection off"),
			example("defender-scan-overdue", "defender.scan.overdue", "Last scan 21 days ago"),
			example("firewall-disabled", "firewall.off", "Domain profile firewall off"),
			example("bitlocker-suspended", "bitlocker.suspended", "Protection suspended on C:"),
			example("certificate-expiring", "ssl.certificate.expiring", "Expires in 14 days"),
			example("certificate-expired", "cert.expired", "Expired 2 days ago"),
			example("brute-force", "login.failures", "412 failed logons in 10 minutes"),
			example("account-locked-out", "user.locked.out", "jdoe locked out"),
			example("password-expiring", "password.expiring", "Password expires in 3 days"),
			example("group-policy-failed", "gpupdate.failed", "Computer policy could not be updated"),
			example("dns-resolution-failure", "dns.lookup.failed", "acme.local did not resolve"),
			example("dhcp-scope-exhausted", "dhcp.scope.full", "Scope 10.0.1.0 100% in use"),
			example("network-adapter-down", "nic.down", "Ethernet 2 disconnected"),
			example("vpn-tunnel-down", "ipsec.tunnel.down", "Tunnel to branch down"),
			example("high-latency", "ping", "Packet loss 12% to gateway"),
			example("mapped-drive-disconnected", "network.drive.disconnected", "S: unavailable"),
			example("hardware-failure", "psu.failure", "PSU 2 failed"),
			example("disk-smart-warning", "disk.smart.warning", "Reallocated sectors rising"),
			example("raid-degraded", "raid.array.degraded", "Virtual disk 0 degraded"),
			example("ups-on-battery", "ups.on.battery", "UPS on battery, 18 minutes left"),
			example("print-spooler-stopped", "print.spooler.stopped", "Spooler stopped"),
			example("printer-offline", "printer.offline", "HP LaserJet 4th floor offline"),
			example("printer-queue-stuck", "print.job.stuck", "Job 42 stuck for 1 hour"),
			example("print-driver-error", "printer.driver.error", "Driver Kyocera Universal failed"),
			example("office-activation-failed", "office.unlicensed", "Office unlicensed product"),
			example("onedrive-sync-stopped", "onedrive.not.syncing", "Not synced for 3 days"),
			example("teams-cache-corrupt", "teams.cache.corrupt", "Teams fails to start"));

	private static Map.Entry<String, AlertFact> example(String category, String type, String message) {
		return Map.entry(category, RuleFiles.alert(type, "workstation", "Windows 11", message));
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
