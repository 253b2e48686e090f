package io.closeloop.workers.decision;

import java.time.Clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.rules.ActiveRules;
import io.closeloop.rules.Classification;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.VipClient;
import io.closeloop.rules.RuleSetCompiler;
import io.closeloop.rules.RuleSource;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.connector.DeviceRef;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.journal.AlertJournal;

class DecideRemediationWorkerTests {

	private final AlertJournal journal = mock(AlertJournal.class);

	private final Map<String, AutonomyMode> modes = new HashMap<>();

	private final ActiveRules rules = new ActiveRules(new RuleSetCompiler().compile(shippedRules(), "test"));

	private final RmmConnector rmm = mock(RmmConnector.class);

	private final DecideRemediationWorker worker = new DecideRemediationWorker(this.rules,
			(tenant, category) -> this.modes.getOrDefault(category, AutonomyMode.AUTONOMOUS),
			(tenant, deviceId, at) -> this.clientFacts, this.rmm, this.journal, new ObjectMapper(), Clock.systemUTC());

	private List<Object> clientFacts = List.of();

	@Test
	@SuppressWarnings("unchecked")
	void shouldReturnTheDecisionForTheModel() {
		Map<String, Object> result = this.worker.decide(variables("disk.space.low", "workstation"),
				classified("disk.space.low", "workstation"), null);

		Map<String, Object> decision = (Map<String, Object>) result.get("decision");
		assertThat(decision).containsEntry("tier", "L1")
			.containsEntry("remediation", "disk-cleanup")
			.containsEntry("verification", "disk-free-above-threshold")
			.containsEntry("ruleSetVersion", "test")
			.containsEntry("mode", "AUTONOMOUS")
			.containsEntry("path", "ACT");
		assertThat((List<String>) decision.get("rulesFired")).contains("Known fix on a workstation acts alone");
		assertThat(result).doesNotContainKey("escalationReason");
		verify(this.journal).decision(eq(1L), any(), argThat((recorded) -> "test".equals(recorded.ruleSetVersion())));
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldDecideWithWhatTheMspConfiguredAboutTheClient() {
		this.clientFacts = List.of(new VipClient("acme"));

		Map<String, Object> decision = (Map<String, Object>) this.worker
			.decide(variables("disk.space.low", "workstation"), classified("disk.space.low", "workstation"), null)
			.get("decision");

		assertThat(decision).containsEntry("tier", "L2").containsEntry("path", "APPROVE");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldHandAnIncidentMemberToAPerson() {
		Map<String, Object> result = this.worker.decide(variables("disk.space.low", "workstation"),
				classified("disk.space.low", "workstation"), Map.of("id", 7));

		assertThat((Map<Object, Object>) result.get("decision")).containsEntry("path", "PERSON");
		assertThat((String) result.get("escalationReason")).contains("cross-tenant incident #7");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldHandAFixTheTenantsRmmCannotRunToAPersonNamingTheFix() {
		when(this.rmm.scriptsUnavailable("acme"))
			.thenReturn(Optional.of("Atera's public API offers no call that runs a script"));

		Map<String, Object> result = this.worker.decide(variables("disk.space.low", "workstation"),
				classified("disk.space.low", "workstation"), null);

		// The same alert acts alone when its RMM can run the fix (the first test).
		assertThat((Map<Object, Object>) result.get("decision")).containsEntry("tier", "L1")
			.containsEntry("remediation", "disk-cleanup")
			.containsEntry("path", "PERSON");
		assertThat((String) result.get("escalationReason")).isEqualTo("Human only (L1): Atera's public API offers no "
				+ "call that runs a script: a person applies the proposed fix, disk-cleanup");
	}

	@Test
	void shouldGiveTheReasonWhenAPersonMustHandleIt() {
		Map<String, Object> result = this.worker.decide(variables("antivirus.threat", "workstation"),
				classified("antivirus.threat", "workstation"), null);

		assertThat((String) result.get("escalationReason")).startsWith("Human only (L3)").contains("security incident");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldRecordWhatItWouldDoAndHandOverInShadowMode() {
		this.modes.put("disk-space-low", AutonomyMode.SHADOW);

		Map<String, Object> result = this.worker.decide(variables("disk.space.low", "workstation"),
				classified("disk.space.low", "workstation"), null);

		assertThat((Map<Object, Object>) result.get("decision")).containsEntry("path", "SHADOW")
			.containsEntry("remediation", "disk-cleanup");
		assertThat((String) result.get("escalationReason"))
			.startsWith("Shadow mode: Closeloop would have run disk-cleanup");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldDecideFromTheClassificationTheAlertCameWithNeverANewOne() {
		// Classified at intake as a threat (say, from words the rules read then): the
		// decision follows that classification, though the fields alone read as low disk.
		Classification atIntake = classified("antivirus.threat", "workstation");

		Map<String, Object> decision = (Map<String, Object>) this.worker
			.decide(variables("disk.space.low", "workstation"), atIntake, null)
			.get("decision");

		assertThat(decision).containsEntry("category", "antivirus-threat")
			.containsEntry("tier", "L3")
			.containsEntry("path", "PERSON");
	}

	/** How the alert was classified when it came, as the process carries it. */
	private Classification classified(String type, String role) {
		return this.rules.current().classify(DecideRemediationWorker.toFact(variables(type, role).context()));
	}

	private static AlertVariables variables(String type, String role) {
		return new AlertVariables(1L, "acme",
				new AlertVariables.Fields("datto-rmm", "a-1", type, "warning", "m", Map.of()),
				new DeviceRef("dev-1", "HOST", "Windows 11", role));
	}

	private static List<RuleSource> shippedRules() {
		return List
			.of("classification/classification.drl", "decision/remediation-catalog.drl.csv",
					"decision/escalation-policy.drl", "decision/client-overrides.drl", "autonomy/autonomy.drl")
			.stream()
			.map((name) -> {
				String path = "io/closeloop/rules/" + name;
				try (InputStream in = DecideRemediationWorkerTests.class.getClassLoader().getResourceAsStream(path)) {
					return new RuleSource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			})
			.toList();
	}

}
