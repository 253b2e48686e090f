package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.DeviceTrait.Kind;

class ClientOverridesRulesTests {

	private static final RemediationMatch CLEANUP = new RemediationMatch("disk-space-low", "disk-cleanup", "check",
			0.95, false);

	private static final RemediationMatch REBOOT = new RemediationMatch("pending-reboot", "scheduled-reboot", "check",
			0.9, true);

	private static final DeviceTrait WORKSTATION = new DeviceTrait(Kind.WORKSTATION, "workstation");

	private final RuleSet rules = RuleFiles.compile("decision/client-overrides.drl");

	@Test
	void shouldAskForApprovalOfEveryFixForAVipClient() {
		assertThat(tiers(CLEANUP, WORKSTATION, new VipClient("acme"))).containsExactly(Tier.L2);
	}

	@Test
	void shouldAskForApprovalOnAProductionDatabaseServerAndNeverRebootItAlone() {
		assertThat(tiers(CLEANUP, new ProductionDatabaseServer("sql-01"))).containsExactly(Tier.L2);
		assertThat(tiers(REBOOT, new ProductionDatabaseServer("sql-01"))).contains(Tier.L3);
	}

	@Test
	void shouldLetAWorkstationRebootInsideTheMaintenanceWindowActAlone() {
		assertThat(tiers(REBOOT, WORKSTATION, new WithinMaintenanceWindow("acme"))).containsExactly(Tier.L1);
	}

	@Test
	void shouldAskForApprovalOfRebootsDuringBusinessHoursEvenInTheWindow() {
		assertThat(tiers(REBOOT, WORKSTATION, new WithinBusinessHours("acme"), new WithinMaintenanceWindow("acme")))
			.containsExactly(Tier.L2);
	}

	@Test
	void shouldLeaveOrdinaryFixesAlone() {
		assertThat(tiers(CLEANUP, WORKSTATION)).isEmpty();
	}

	private List<Tier> tiers(Object... facts) {
		List<Object> all = new ArrayList<>(Arrays.asList(facts));
		return this.rules.evaluate(all).facts(TierVote.class).stream().map(TierVote::tier).toList();
	}

}
