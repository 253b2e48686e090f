package io.closeloop.engine.support;

import java.util.UUID;

/** Alert bodies for tests, in the shape RMMs post them. */
public final class Alerts {

	private Alerts() {
	}

	public static String diskLow(String hostname, String role, String os) {
		return """
				{"source":"datto-rmm","externalId":"%s","tenant":"acme",
				 "device":{"id":"%s","hostname":"%s","os":"%s","role":"%s"},
				 "type":"disk.space.low","severity":"warning","message":"C: free space 4%%",
				 "metrics":{"diskFreePct":4.0},"occurredAt":"2026-11-21T10:15:00Z"}
				""".formatted(uniqueId(), "dev-" + hostname, hostname, os, role);
	}

	public static String workstationDiskLow() {
		return diskLow("ACME-WS-" + shortId(), "workstation", "Windows 11");
	}

	public static String serverDiskLow() {
		return diskLow("ACME-SRV-" + shortId(), "server", "Windows Server 2022");
	}

	public static String antivirusThreat(String hostname) {
		return """
				{"source":"datto-rmm","externalId":"%s","tenant":"acme",
				 "device":{"id":"dev-%s","hostname":"%s","os":"Windows 11","role":"workstation"},
				 "type":"antivirus.threat","severity":"critical","message":"Trojan:Win32/Wacatac found",
				 "occurredAt":"2026-11-21T10:15:00Z"}
				""".formatted(uniqueId(), hostname, hostname);
	}

	public static String serviceStopped(String hostname) {
		return """
				{"source":"datto-rmm","externalId":"%s","tenant":"acme",
				 "device":{"id":"dev-%s","hostname":"%s","os":"Windows 11","role":"workstation"},
				 "type":"service.stopped","severity":"warning","message":"Service wuauserv stopped"}
				""".formatted(uniqueId(), hostname, hostname);
	}

	/**
	 * Lines as an event-log monitor sends them, after a first line, to the length asked.
	 */
	public static String eventLog(String first, int length) {
		StringBuilder log = new StringBuilder(first);
		for (int line = 0; log.length() < length; line++) {
			log.append("\nInformation 2026-11-21T10:14:")
				.append(String.format("%02d", line % 60))
				.append("Z Disk 153: The IO operation at logical block address 0x")
				.append(Integer.toHexString(0x2f01a8 + line))
				.append(" for Disk 0 (PDO name: \\Device\\00000041) was retried.");
		}
		return log.substring(0, length);
	}

	public static String uniqueId() {
		return "a-" + UUID.randomUUID();
	}

	public static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
