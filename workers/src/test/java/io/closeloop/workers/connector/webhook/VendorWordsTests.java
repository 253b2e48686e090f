package io.closeloop.workers.connector.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VendorWordsTests {

	@ParameterizedTest(name = "{0} / {1} -> {2}")
	@CsvSource(nullValues = "-", value = {
			// The RMM's own device type decides.
			"WINDOWS_SERVER, Windows 10 Pro, server", "WINDOWS_WORKSTATION, Windows 11 Pro, workstation",
			"LINUX_SERVER, Ubuntu 22.04.4 LTS, server", "LINUX_WORKSTATION, Ubuntu 24.04 LTS, workstation",
			"MAC, macOS 14.5, workstation", "VMWARE_VM_GUEST, Windows 10 Enterprise, server",
			"HYPERV_VMM_GUEST, Windows 11 Pro, server", "VMWARE_VM_HOST, -, server", "HYPERV_VMM_HOST, -, server",
			"Desktop, Microsoft Windows 10 Pro, workstation", "Laptop, -, workstation", "Server, -, server",
			"ESXi Host, VMware ESXi 8.0.2, server", "server, windows, server", "workstation, windows, workstation",
			"Servers - Windows, -, server", "Workstations - Windows, -, workstation",
			"Laptop - Windows, -, workstation", "NAS, -, server",
			// Only an OS: server families count as servers.
			"-, Ubuntu 22.04.4 LTS, server", "-, Debian GNU/Linux 12 (bookworm), server",
			"-, Red Hat Enterprise Linux 9.3, server", "-, Rocky Linux 9.4 (Blue Onyx), server",
			"-, VMware ESXi 7.0.3, server", "-, Microsoft Windows Server 2022 Datacenter, server",
			"-, Windows Server 2019 Standard 1809, server", "-, Microsoft Hyper-V Server 2019, server",
			"-, FreeBSD 14.0-RELEASE, server", "-, TrueNAS SCALE 24.04, server",
			"-, Microsoft Windows 11 Pro 23H2, workstation", "-, Windows 10 Enterprise 22H2, workstation",
			"-, macOS Sonoma 14.4, workstation", "-, Mac OS X 10.15.7, workstation",
			// Unknown stays unknown (the rules count it as a server), never a
			// workstation.
			"-, Windows, -", "-, -, -", "Printer, -, -", "Network Device, -, -", "-, '', -",
			"CLOUD_MONITOR_TARGET, -, -" })
	void shouldTakeTheRoleFromTheDeviceTypeThenTheOs(String deviceType, String os, String role) {
		assertThat(VendorWords.role(deviceType, os)).isEqualTo(role);
	}

}
