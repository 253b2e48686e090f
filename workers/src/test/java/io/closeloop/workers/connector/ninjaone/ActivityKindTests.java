package io.closeloop.workers.connector.ninjaone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityKindTests {

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource(nullValues = "-", value = {
			// Conditions, by code or by display text.
			"CONDITION, TRIGGERED, -, CONDITION_TRIGGERED", "Condition, Triggered, -, CONDITION_TRIGGERED",
			"CONDITION, RESET, -, CONDITION_RESET", "condition, Reset, -, CONDITION_RESET",
			"CONDITION, ACKNOWLEDGED, -, INFORMATIONAL", "CONDITION, EVALUATION_FAILURE, -, INFORMATIONAL",
			// Threats, whatever product reports them.
			"ANTIVIRUS, WEBROOT_THREAT_DETECTED, -, THREAT",
			"ANTIVIRUS, BDAS_BITDEFENDER_THREAT_QUARANTINED, -, THREAT",
			"SECURITY, VIPREAV_ACTIVEPROTECTION_THREAT_QUARANTINED, -, THREAT",
			"Antivirus, VIPREAV_QUARANTINED_THREAT_REMOVED, -, THREAT",
			// Failures of backups, patches and products.
			"NINJA_BACKUP, NINJA_BACKUP_BACKUPJOB_FAILED, -, FAILURE",
			"CLOUDBERRY_BACKUP, CLOUDBERRY_BACKUPJOB_FAILED, -, FAILURE",
			"SHADOWPROTECT, SHADOWPROTECT_BACKUPJOB_FAILED, -, FAILURE",
			"PATCH_MANAGEMENT, PATCH_MANAGEMENT_INSTALL_FAILED, -, FAILURE",
			"ANTIVIRUS, BITDEFENDER_SCAN_FAILED, -, FAILURE", "MDM, COMPLETED, FAILURE, FAILURE",
			// Informational: successes, lifecycle steps, work someone started.
			"NINJA_BACKUP, COMPLETED, SUCCESS, INFORMATIONAL",
			"PATCH_MANAGEMENT, PATCH_MANAGEMENT_SCAN_COMPLETED, -, INFORMATIONAL",
			"ACTIONSET, START_REQUESTED, -, INFORMATIONAL", "SCRIPTING, COMPLETED, FAILURE, INFORMATIONAL",
			"ACTION, COMPLETED, FAILURE, INFORMATIONAL", "SYSTEM, NODE_AUTHENTICATED, -, INFORMATIONAL",
			"-, -, -, INFORMATIONAL" })
	void shouldTellConditionsThreatsAndFailuresFromInformation(String type, String status, String result,
			ActivityKind kind) {
		assertThat(ActivityKind.of(type, status, result)).isEqualTo(kind);
	}

}
