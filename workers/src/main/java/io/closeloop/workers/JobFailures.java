package io.closeloop.workers;

import java.time.Duration;
import java.util.Map;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.OutcomeUnknownException;
import io.closeloop.workers.connector.VendorRejectedException;

/**
 * Turns a technical failure into a job failure that Zeebe retries with growing backoff;
 * when the retries run out Zeebe raises an incident for an operator. Business outcomes
 * are BPMN errors instead, thrown by the workers themselves. Which failure a worker's
 * exception becomes is decided in one place, {@link JobFailureConfiguration}.
 */
public final class JobFailures {

	public static final String TECHNICAL_FAILURE = "TECHNICAL_FAILURE";

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

	private static final String ESCALATE_TYPE = "escalate-alert";

	private JobFailures() {
	}

	/**
	 * A technical failure of a step: retried with growing backoff while retries are left;
	 * on the last one, the BPMN error {@code TECHNICAL_FAILURE}, which the model catches
	 * to hand the alert to a person with the reason, instead of leaving it stuck in an
	 * incident nobody may see.
	 */
	public static CamundaError outage(ActivatedJob job, ConnectorException ex) {
		int retriesLeft = Math.max(job.getRetries() - 1, 0);
		if (ex instanceof OutcomeUnknownException) {
			// Trying again could act twice: a person looks at the vendor's console.
			String reason = "Stopped at " + job.getType() + ": " + ex.getMessage();
			return CamundaError.bpmnError(TECHNICAL_FAILURE, reason, Map.of("escalationReason", reason), ex);
		}
		if (retriesLeft == 0) {
			String reason = "Gave up on " + job.getType() + " after repeated failures: " + ex.getMessage();
			return CamundaError.bpmnError(TECHNICAL_FAILURE, reason, Map.of("escalationReason", reason), ex);
		}
		return retry(job, ex);
	}

	/**
	 * The vendor refused the request (a 4xx other than 401 or 429): retrying cannot help,
	 * so the alert goes to a person at once with the vendor's answer.
	 */
	public static CamundaError rejected(ActivatedJob job, VendorRejectedException ex) {
		String reason = "Gave up on " + job.getType() + ": " + ex.getMessage();
		return CamundaError.bpmnError(TECHNICAL_FAILURE, reason, Map.of("escalationReason", reason), ex);
	}

	/**
	 * A technical failure retried with growing backoff, and left to an incident when
	 * retries run out: for the step that hands the alert to a person, which has nobody
	 * else to hand it to.
	 */
	public static JobError retry(ActivatedJob job, ConnectorException ex) {
		int retriesLeft = Math.max(job.getRetries() - 1, 0);
		return CamundaError.jobError(ex.getMessage(), null, retriesLeft, backoff(job.getRetries()), ex);
	}

	/**
	 * Anything a worker did not expect (the database unavailable, a bug): treated as an
	 * outage of the step, so a short database outage is ridden out by retries with
	 * backoff instead of five instant failures and an incident nobody sees. The step that
	 * hands an alert to a person is only retried: there is nobody left to hand it to.
	 */
	public static CamundaError unexpected(ActivatedJob job, Exception ex) {
		ConnectorException outage = new ConnectorException("Unexpected failure in " + job.getType() + ": "
				+ ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		return handsOver(job) ? retry(job, outage) : outage(job, outage);
	}

	/**
	 * Whether the job is the step that hands an alert to a person: its failures are only
	 * ever {@linkplain #retry retried}, because there is nobody left to hand the alert
	 * to.
	 */
	public static boolean handsOver(ActivatedJob job) {
		return ESCALATE_TYPE.equals(job.getType());
	}

	static Duration backoff(int retriesBefore) {
		// Retries count down (5, 4, 3...): the fewer left, the longer the wait.
		int failures = Math.max(0, 5 - retriesBefore);
		Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures, 6));
		return (backoff.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff;
	}

}
