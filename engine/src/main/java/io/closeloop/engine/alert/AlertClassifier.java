package io.closeloop.engine.alert;

import org.springframework.stereotype.Component;

import io.closeloop.engine.rules.RuleLibrary;
import io.closeloop.rules.AlertFact;
import io.closeloop.rules.Classification;

/**
 * Classifies an alert once, before its process first starts, and keeps the result with
 * the alert: correlation, the process and the decision all read that one classification.
 */
@Component
public class AlertClassifier {

	private final RuleLibrary rules;

	private final JpaAlertJournal journal;

	AlertClassifier(RuleLibrary rules, JpaAlertJournal journal) {
		this.rules = rules;
		this.journal = journal;
	}

	/** The alert's classification: the one it has, or drawn now and kept. */
	public Classification classify(Alert alert) {
		if (alert.getClassification() != null) {
			return alert.getClassification();
		}
		Classification classification = this.rules.active().current().classify(fact(alert));
		this.journal.classified(alert.getId(), classification);
		return classification;
	}

	/** The stored alert as the rules see it. */
	static AlertFact fact(Alert alert) {
		return new AlertFact(alert.getTenant(), alert.getType(), alert.getSeverity(), alert.getMessage(),
				alert.getDeviceRole(), alert.getDeviceOs(), alert.getMetrics());
	}

}
