package io.closeloop.workers.remediation;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.closeloop.workers.AlertVariables;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.Verification;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.rules.AlertStatus;
import io.closeloop.workers.scope.DeviceScopeCheck;

/**
 * Runs the decision's verification check through the RMM. The model retries a failed
 * check a bounded number of times ({@code maxVerifyAttempts}) and then escalates with the
 * evidence. A check runs on the device, so the RMM confirms first that the device is the
 * alert's tenant's.
 */
@Component
public class VerifyFixWorker {

	static final String TYPE = "verify-fix";

	private final RmmConnector rmm;

	private final AlertJournal journal;

	private final DeviceScopeCheck scope;

	VerifyFixWorker(RmmConnector rmm, AlertJournal journal, DeviceScopeCheck scope) {
		this.rmm = rmm;
		this.scope = scope;
		this.journal = journal;
	}

	@JobWorker(type = TYPE)
	public Map<String, Object> verify(ActivatedJob job, @VariablesAsType AlertVariables variables,
			@Variable(name = "decision") Map<String, Object> decision,
			@Variable(name = "verifyAttempts") Integer attempts) {
		AlertContext alert = variables.context();
		String check = (String) decision.get("verification");
		int attempt = ((attempts != null) ? attempts : 0) + 1;
		this.scope.confirm(alert, check);
		this.journal.status(alert.alertId(), AlertStatus.VERIFYING, "checking " + check + " (attempt " + attempt + ")");
		Verification verification = this.rmm.verify(alert, check);
		this.journal.step(alert.alertId(), verification.passed() ? "Fix verified" : "Verification failed",
				verification.evidence());
		Map<String, Object> result = new HashMap<>();
		result.put("verified", verification.passed());
		result.put("verifyAttempts", attempt);
		result.put("verificationEvidence", verification.evidence());
		if (!verification.passed()) {
			result.put("escalationReason",
					"Fix not verified after " + attempt + " check(s) of " + check + ": " + verification.evidence());
		}
		return result;
	}

}
