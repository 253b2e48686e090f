package io.closeloop.workers.decision;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.closeloop.rules.ActiveRules;
import io.closeloop.rules.AlertFact;
import io.closeloop.rules.Decision;
import io.closeloop.rules.RuleSet;
import io.closeloop.rules.Tier;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.journal.AlertJournal;

/**
 * Serves the business rule task: runs the Drools rules on the alert and returns the
 * decision.
 */
@Component
public class DecideRemediationWorker {

	static final String TYPE = "decide-remediation";

	private final ActiveRules rules;

	private final AlertJournal journal;

	DecideRemediationWorker(ActiveRules rules, AlertJournal journal) {
		this.rules = rules;
		this.journal = journal;
	}

	@JobWorker(type = TYPE)
	public Map<String, Object> decide(@VariablesAsType AlertVariables variables) {
		AlertContext alert = variables.context();
		RuleSet ruleSet = this.rules.current();
		Decision decision = ruleSet.decide(toFact(alert));
		this.journal.decision(alert.alertId(), decision, ruleSet.version());

		Map<String, Object> decisionVariable = new HashMap<>();
		decisionVariable.put("tier", decision.tier().name());
		decisionVariable.put("category", decision.category());
		decisionVariable.put("remediation", decision.remediation());
		decisionVariable.put("verification", decision.verification());
		decisionVariable.put("confidence", decision.confidence());
		decisionVariable.put("rulesFired", decision.rulesFired());
		decisionVariable.put("reasons", decision.reasons());
		decisionVariable.put("ruleSetVersion", ruleSet.version());
		Map<String, Object> result = new HashMap<>();
		result.put("decision", decisionVariable);
		if (decision.tier() == Tier.L3) {
			result.put("escalationReason", "Human only (L3): " + String.join("; ", decision.reasons()));
		}
		return result;
	}

	static AlertFact toFact(AlertContext alert) {
		String role = (alert.device() != null) ? alert.device().role() : null;
		String os = (alert.device() != null) ? alert.device().os() : null;
		return new AlertFact(alert.tenant(), alert.type(), alert.severity(), alert.message(), role, os,
				alert.metrics());
	}

}
