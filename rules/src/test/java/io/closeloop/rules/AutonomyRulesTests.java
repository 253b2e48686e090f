package io.closeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.closeloop.rules.ActionPath.Path;

class AutonomyRulesTests {

	private final RuleSet rules = RuleFiles.compile("autonomy/autonomy.drl");

	@Test
	void shouldActAloneOnAnL1ProposalOfAnAutonomousCategory() {
		assertThat(paths(Tier.L1, AutonomyMode.AUTONOMOUS)).containsExactly(Path.ACT);
	}

	@Test
	void shouldAskForApprovalOnL2EvenWhenAutonomous() {
		assertThat(paths(Tier.L2, AutonomyMode.AUTONOMOUS)).containsExactly(Path.APPROVE);
	}

	@Test
	void shouldAskForApprovalOnEveryTierBelowL3InApprovalMode() {
		assertThat(paths(Tier.L1, AutonomyMode.APPROVAL)).containsExactly(Path.APPROVE);
		assertThat(paths(Tier.L2, AutonomyMode.APPROVAL)).containsExactly(Path.APPROVE);
	}

	@Test
	void shouldOnlyRecordInShadowMode() {
		assertThat(paths(Tier.L1, AutonomyMode.SHADOW)).containsExactly(Path.SHADOW);
	}

	@Test
	void shouldNeverActOnL3WhateverTheMode() {
		for (AutonomyMode mode : AutonomyMode.values()) {
			assertThat(paths(Tier.L3, mode)).as(mode.name()).containsExactly(Path.PERSON);
		}
	}

	@Test
	void shouldHandAProposalWithoutAFixToAPerson() {
		List<Object> facts = List.of(new Proposal("agent-offline", Tier.L2, null),
				new CategoryMode("agent-offline", AutonomyMode.AUTONOMOUS));
		assertThat(this.rules.evaluate(facts).facts(ActionPath.class)).extracting(ActionPath::path)
			.containsExactly(Path.PERSON);
	}

	@Test
	void shouldPauseAutomaticRemediationForMembersOfACrossTenantIncident() {
		List<Object> facts = List.of(new Proposal("disk-space-low", Tier.L1, "disk-cleanup"),
				new CategoryMode("disk-space-low", AutonomyMode.AUTONOMOUS),
				new IncidentMembership(7, "disk-space-low"));
		assertThat(this.rules.evaluate(facts).facts(ActionPath.class)).extracting(ActionPath::path)
			.contains(Path.PERSON);
	}

	@Test
	void shouldHandAFixTheRmmCannotRunToAPersonNamingTheFix() {
		List<Object> facts = List.of(new Proposal("disk-space-low", Tier.L1, "disk-cleanup"),
				new CategoryMode("disk-space-low", AutonomyMode.AUTONOMOUS),
				new NoRemoteAction("Atera's public API offers no call that runs a script"));
		List<ActionPath> paths = this.rules.evaluate(facts).facts(ActionPath.class);
		assertThat(paths).extracting(ActionPath::path).contains(Path.PERSON);
		assertThat(paths).filteredOn((path) -> path.path() == Path.PERSON)
			.extracting(ActionPath::reason)
			.containsExactly(
					"Atera's public API offers no call that runs a script: a person applies the proposed fix, disk-cleanup");
	}

	private List<Path> paths(Tier tier, AutonomyMode mode) {
		List<Object> facts = List.of(new Proposal("disk-space-low", tier, "disk-cleanup"),
				new CategoryMode("disk-space-low", mode));
		return this.rules.evaluate(facts).facts(ActionPath.class).stream().map(ActionPath::path).toList();
	}

}
