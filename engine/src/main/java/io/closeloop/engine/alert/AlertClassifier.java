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

	private final FullMessageRepository fullMessages;

	AlertClassifier(RuleLibrary rules, JpaAlertJournal journal, FullMessageRepository fullMessages) {
		this.rules = rules;
		this.journal = journal;
		this.fullMessages = fullMessages;
	}

	/** The alert's classification: the one it has, or drawn now and kept. */
	public Classification classify(Alert alert) {
		if (alert.getClassification() != null) {
			return alert.getClassification();
		}
		// The whole message: words that veto autonomy may lie past the part the alert
		// holds.
		String message = this.fullMessages.findById(alert.getId()).map(FullMessage::getText).orElse(alert.getMessage());
		Classification classification = this.rules.active().current().classify(fact(alert, message));
		this.journal.classified(alert.getId(), classification);
		return classification;
	}

	/** The stored alert, with its whole message, as the rules see it. */
	static AlertFact fact(Alert alert, String message) {
		return new AlertFact(alert.getTenant(), alert.getType(), alert.getSeverity(), message, alert.getDeviceRole(),
				alert.getDeviceOs(), alert.getMetrics());
	}

}
