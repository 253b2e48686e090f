package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.DeviceTrait.Kind;

class EscalationPolicyRulesTests {

	private static final RemediationMatch CLEANUP = new RemediationMatch("disk-space-low", "disk-cleanup", "check",
			0.95, false);

	private final RuleSet rules = RuleFiles.compile("decision/escalation-policy.drl");

	@Test
	void shouldActAloneOnAKnownFixOnAWorkstation() {
		assertThat(tiers(CLEANUP, trait(Kind.WORKSTATION))).containsExactly(Tier.L1);
	}

	@Test
	void shouldNeedApprovalOnAServer() {
		assertThat(tiers(CLEANUP, trait(Kind.SERVER))).containsExactly(Tier.L2);
	}

	@Test
	void shouldNeedApprovalForRebootsOutsideTheMaintenanceWindow() {
		RemediationMatch reboot = new RemediationMatch("pending-reboot", "scheduled-reboot", "check", 0.9, true);
		assertThat(tiers(reboot, trait(Kind.WORKSTATION))).containsExactly(Tier.L2);
		assertThat(tiers(reboot, trait(Kind.WORKSTATION), new WithinMaintenanceWindow("acme"))).doesNotContain(Tier.L2);
	}

	@Test
	void shouldNeedApprovalForLowConfidence() {
		RemediationMatch unsure = new RemediationMatch("high-cpu", "restart-top-cpu-process", "check", 0.6, false);
		assertThat(tiers(unsure, trait(Kind.WORKSTATION))).containsExactly(Tier.L2);
	}

	@Test
	void shouldNeedApprovalWhenProductionDataIsTouched() {
		assertThat(tiers(CLEANUP, trait(Kind.WORKSTATION), trait(Kind.PRODUCTION_DATA))).contains(Tier.L2);
	}

	@Test
	void shouldNeedApprovalWhenTheDeviceRoleIsUnknown() {
		assertThat(tiers(CLEANUP)).containsExactly(Tier.L2);
	}

	@Test
	void shouldHandSecurityIncidentsToAPersonEvenWithAFix() {
		assertThat(tiers(CLEANUP, trait(Kind.WORKSTATION), trait(Kind.SECURITY_INCIDENT))).contains(Tier.L3);
	}

	@Test
	void shouldHandHardwareFailuresToAPerson() {
		assertThat(tiers(trait(Kind.HARDWARE_FAILURE), trait(Kind.SERVER))).contains(Tier.L3);
	}

	@Test
	void shouldHandAlertsWithoutAKnownFixToAPerson() {
		List<Object> facts = List.of(RuleFiles.alert("ups.on.battery", "server", "Linux", ""), trait(Kind.SERVER));
		assertThat(this.rules.evaluate(facts).facts(TierVote.class)).extracting(TierVote::tier)
			.containsExactly(Tier.L3);
		assertThat(this.rules.evaluate(facts).rulesFired()).containsExactly("No known remediation goes to a person");
	}

	private List<Tier> tiers(Object... facts) {
		List<Object> all = new ArrayList<>(Arrays.asList(facts));
		all.add(RuleFiles.alert("any", "", "", ""));
		return this.rules.evaluate(all).facts(TierVote.class).stream().map(TierVote::tier).toList();
	}

	private static DeviceTrait trait(Kind kind) {
		return new DeviceTrait(kind, kind.name().toLowerCase());
	}

}
