package io.closeloop.workers.decision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.closeloop.rules.ActiveRules;
import io.closeloop.rules.AlertFact;
import io.closeloop.rules.Classification;
import io.closeloop.rules.IncidentMembership;
import io.closeloop.rules.NoRemoteAction;
import io.closeloop.rules.Decision;
import io.closeloop.rules.RuleSet;
import io.closeloop.rules.Tier;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.autonomy.AutonomyModes;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.journal.AlertJournal;

/**
 * Serves the business rule task: runs the Drools rules on the alert and returns the
 * decision.
 */
@Component
public class DecideRemediationWorker {

	static final String TYPE = "decide-remediation";

	private static final TypeReference<Map<String, Object>> DECISION_VARIABLE = new TypeReference<>() {
	};

	private final ActiveRules rules;

	private final AutonomyModes autonomy;

	private final ClientPolicies clients;

	private final RmmConnector rmm;

	private final AlertJournal journal;

	private final ObjectMapper json;

	private final Clock clock;

	DecideRemediationWorker(ActiveRules rules, AutonomyModes autonomy, ClientPolicies clients, RmmConnector rmm,
			AlertJournal journal, ObjectMapper json, Clock clock) {
		this.rules = rules;
		this.autonomy = autonomy;
		this.clients = clients;
		this.rmm = rmm;
		this.journal = journal;
		this.json = json;
		this.clock = clock;
	}

	@JobWorker(type = TYPE)
	public Map<String, Object> decide(@VariablesAsType AlertVariables variables,
			@Variable(name = "classification") Classification classification,
			@Variable(name = "incident") Map<String, Object> incident) {
		AlertContext alert = variables.context();
		RuleSet ruleSet = this.rules.current();
		AlertFact fact = toFact(alert);
		// Classified once, when the alert came: the decision takes that, never its own.
		Classification classified = (classification != null) ? classification : Classification.none();
		List<Object> context = new ArrayList<>(
				this.clients.factsFor(alert.tenant(), alert.device(), this.clock.instant()));
		if (incident != null && incident.get("id") instanceof Number id) {
			context.add(new IncidentMembership(id.longValue(), classified.category()));
		}
		// An RMM that cannot run a script makes every fix a person's to apply.
		this.rmm.scriptsUnavailable(alert.tenant()).ifPresent((why) -> context.add(new NoRemoteAction(why)));
		Decision decision = ruleSet.decide(fact, classified,
				(category) -> this.autonomy.modeOf(alert.tenant(), category), context);
		this.journal.decision(alert.alertId(), fact, decision);

		Map<String, Object> result = new HashMap<>();
		// The decision travels in its one shape, as JSON.
		result.put("decision", this.json.convertValue(decision, DECISION_VARIABLE));
		String handOver = handOverReason(decision);
		if (handOver != null) {
			result.put("escalationReason", handOver);
		}
		return result;
	}

	/** Why a person gets the alert, when the path does not let Closeloop act. */
	static String handOverReason(Decision decision) {
		return switch (decision.path()) {
			case SHADOW -> "Shadow mode: Closeloop would have run " + decision.remediation() + " (" + decision.tier()
					+ ", confidence " + decision.confidence() + ") but acts on " + decision.category()
					+ " only once it has earned it. Please handle it and record what fixed it.";
			case PERSON -> "Human only (" + decision.tier() + "): "
					+ String.join("; ", (decision.tier() == Tier.L3) ? decision.reasons() : decision.pathReasons());
			default -> null;
		};
	}

	static AlertFact toFact(AlertContext alert) {
		String role = (alert.device() != null) ? alert.device().role() : null;
		String os = (alert.device() != null) ? alert.device().os() : null;
		return new AlertFact(alert.tenant(), alert.type(), alert.severity(), alert.message(), role, os,
				alert.metrics());
	}

}
