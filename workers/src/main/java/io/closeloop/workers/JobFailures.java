package io.closeloop.workers;

import java.time.Duration;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.closeloop.workers.connector.ConnectorException;

/**
 * Turns a technical failure into a job failure that Zeebe retries with growing backoff;
 * when the retries run out Zeebe raises an incident for an operator. Business outcomes
 * are BPMN errors instead, thrown by the workers themselves.
 */
public final class JobFailures {

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

	private JobFailures() {
	}

	public static JobError outage(ActivatedJob job, ConnectorException ex) {
		int retriesLeft = Math.max(job.getRetries() - 1, 0);
		return CamundaError.jobError(ex.getMessage(), null, retriesLeft, backoff(job.getRetries()), ex);
	}

	static Duration backoff(int retriesBefore) {
		// Retries count down (5, 4, 3...): the fewer left, the longer the wait.
		int failures = Math.max(0, 5 - retriesBefore);
		Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures, 6));
		return (backoff.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff;
	}

}
