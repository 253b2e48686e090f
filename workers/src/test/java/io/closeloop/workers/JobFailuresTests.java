package io.closeloop.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.OutcomeUnknownException;
import io.closeloop.workers.connector.VendorRejectedException;

class JobFailuresTests {

	private final ConnectorException timeout = new ConnectorException("RMM timed out");

	@Test
	void shouldRetryWithGrowingBackoffWhileRetriesAreLeft() {
		assertThat(JobFailures.backoff(5)).isEqualTo(Duration.ofSeconds(5));
		assertThat(JobFailures.backoff(4)).isEqualTo(Duration.ofSeconds(10));
		assertThat(JobFailures.backoff(2)).isEqualTo(Duration.ofSeconds(40));
		assertThat(JobFailures.backoff(-20)).isEqualTo(Duration.ofMinutes(5));

		CamundaError error = JobFailures.outage(job(3), this.timeout);
		assertThat(error).isInstanceOf(JobError.class);
		assertThat(((JobError) error).getRetries()).isEqualTo(2);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldHandOverAsATechnicalFailureOnTheLastRetry() {
		CamundaError error = JobFailures.outage(job(1), this.timeout);

		assertThat(error).isInstanceOf(BpmnError.class);
		BpmnError bpmnError = (BpmnError) error;
		assertThat(bpmnError.getErrorCode()).isEqualTo("TECHNICAL_FAILURE");
		assertThat((Map<Object, Object>) bpmnError.getVariables()).containsEntry("escalationReason",
				"Gave up on enrich-alert after repeated failures: RMM timed out");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldHandOverAtOnceWhenTheVendorRefuses() {
		CamundaError error = JobFailures.rejected(job(5),
				new VendorRejectedException("Datto RMM", "run quick job", 404, "device not found"));

		assertThat(error).isInstanceOf(BpmnError.class);
		assertThat(((BpmnError) error).getErrorCode()).isEqualTo("TECHNICAL_FAILURE");
		assertThat((String) ((Map<Object, Object>) ((BpmnError) error).getVariables()).get("escalationReason"))
			.startsWith("Gave up on enrich-alert:")
			.contains("404");
	}

	@Test
	void shouldOnlyEverRetryTheStepThatHandsOver() {
		assertThat(JobFailures.retry(job(1), this.timeout).getRetries()).isZero();
	}

	private static ActivatedJob job(int retries) {
		return job("enrich-alert", retries);
	}

	private static ActivatedJob job(String type, int retries) {
		ActivatedJob job = mock(ActivatedJob.class);
		when(job.getRetries()).thenReturn(retries);
		when(job.getType()).thenReturn(type);
		return job;
	}

	@Test
	void shouldRetryAnUnexpectedFailureWithBackoffAndHandTheAlertToAPersonOnTheLastRetry() {
		CamundaError first = JobFailures.unexpected(job("run-rmm-script", 5), new IllegalStateException("db gone"));
		assertThat(first).isInstanceOf(JobError.class);
		assertThat(((JobError) first).getRetries()).isEqualTo(4);
		assertThat(((JobError) first).getRetryBackoff()).isEqualTo(Duration.ofSeconds(5));
		assertThat(first.getMessage()).contains("IllegalStateException", "db gone");

		CamundaError last = JobFailures.unexpected(job("run-rmm-script", 1), new IllegalStateException("db gone"));
		assertThat(last).isInstanceOf(BpmnError.class);
		assertThat(((BpmnError) last).getErrorCode()).isEqualTo(JobFailures.TECHNICAL_FAILURE);

		CamundaError escalation = JobFailures.unexpected(job("escalate-alert", 1), new IllegalStateException("db"));
		assertThat(escalation).as("the last step is only retried").isInstanceOf(JobError.class);
	}

	@Test
	void shouldHandAnActionThatMayHaveHappenedToAPersonAtOnce() {
		CamundaError error = JobFailures.outage(job(5),
				new OutcomeUnknownException("tactical-rmm run-script may have been carried out (HTTP 502)"));

		assertThat(error).isInstanceOf(BpmnError.class);
		assertThat(((BpmnError) error).getErrorCode()).isEqualTo(JobFailures.TECHNICAL_FAILURE);
		assertThat(error.getMessage()).contains("may have been carried out");
	}

}
