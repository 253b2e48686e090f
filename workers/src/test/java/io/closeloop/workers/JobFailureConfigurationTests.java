package io.closeloop.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_MOCKS;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.FailJobCommandStep1;
import io.camunda.client.api.command.FailJobCommandStep1.FailJobCommandStep2;
import io.camunda.client.api.command.ThrowErrorCommandStep1;
import io.camunda.client.api.command.ThrowErrorCommandStep1.ThrowErrorCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import io.camunda.client.metrics.MetricsRecorder;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.OutcomeUnknownException;
import io.closeloop.workers.connector.VendorRejectedException;

/**
 * The job exception handling strategy, the one place a worker's exception becomes a job
 * failure: what it sends to Zeebe for each kind of failure.
 */
class JobFailureConfigurationTests {

	private final JobExceptionHandlingStrategy strategy = new JobFailureConfiguration()
		.jobExceptionHandlingStrategy(mock(CommandExceptionHandlingStrategy.class), mock(MetricsRecorder.class));

	private final JobClient client = mock(JobClient.class);

	private final FailJobCommandStep1 fail = mock(FailJobCommandStep1.class);

	private final FailJobCommandStep2 failing = mock(FailJobCommandStep2.class, RETURNS_SELF);

	private final ThrowErrorCommandStep1 throwError = mock(ThrowErrorCommandStep1.class);

	private final ThrowErrorCommandStep2 throwing = mock(ThrowErrorCommandStep2.class, RETURNS_SELF);

	@BeforeEach
	@SuppressWarnings("unchecked")
	void commands() {
		when(this.client.newFailCommand(anyLong())).thenReturn(this.fail);
		when(this.fail.retries(anyInt())).thenReturn(this.failing);
		when(this.failing.send()).thenReturn(mock(CamundaFuture.class, RETURNS_MOCKS));
		when(this.client.newThrowErrorCommand(anyLong())).thenReturn(this.throwError);
		when(this.throwError.errorCode(anyString())).thenReturn(this.throwing);
		when(this.throwing.send()).thenReturn(mock(CamundaFuture.class, RETURNS_MOCKS));
	}

	@Test
	void shouldRetryAConnectorOutageWithBackoff() throws Exception {
		handle("run-rmm-script", 5, new ConnectorException("RMM timed out"));

		verify(this.fail).retries(4);
		verify(this.failing).retryBackoff(Duration.ofSeconds(5));
		assertThat(failMessage()).as("the connector's own message, not an unexpected failure")
			.startsWith(JobError.class.getName() + ": RMM timed out" + System.lineSeparator());
		verify(this.client, never()).newThrowErrorCommand(anyLong());
	}

	@Test
	void shouldHandAConnectorOutageToAPersonOnTheLastRetry() throws Exception {
		handle("run-rmm-script", 1, new ConnectorException("RMM timed out"));

		verify(this.throwError).errorCode(JobFailures.TECHNICAL_FAILURE);
		assertThat(escalationReason()).isEqualTo("Gave up on run-rmm-script after repeated failures: RMM timed out");
		verify(this.client, never()).newFailCommand(anyLong());
	}

	@Test
	void shouldHandAnActionThatMayHaveHappenedToAPersonAtOnce() throws Exception {
		handle("run-rmm-script", 5, new OutcomeUnknownException("run-script may have been carried out (HTTP 502)"));

		verify(this.throwError).errorCode(JobFailures.TECHNICAL_FAILURE);
		assertThat(escalationReason())
			.isEqualTo("Stopped at run-rmm-script: run-script may have been carried out (HTTP 502)");
		verify(this.client, never()).newFailCommand(anyLong());
	}

	@Test
	void shouldHandARefusalToAPersonAtOnce() throws Exception {
		handle("open-psa-ticket", 5, new VendorRejectedException("Autotask", "create ticket", 400, "bad queue"));

		verify(this.throwError).errorCode(JobFailures.TECHNICAL_FAILURE);
		assertThat(escalationReason())
			.isEqualTo("Gave up on open-psa-ticket: Autotask rejected create ticket with HTTP 400: bad queue");
		verify(this.client, never()).newFailCommand(anyLong());
	}

	@Test
	void shouldOnlyRetryAnOutageOfTheStepThatHandsOverEvenOnTheLastRetry() throws Exception {
		handle("escalate-alert", 1, new ConnectorException("PSA answered 503"));

		verify(this.fail).retries(0);
		verify(this.failing).retryBackoff(Duration.ofSeconds(80));
		assertThat(failMessage()).startsWith(JobError.class.getName() + ": PSA answered 503" + System.lineSeparator());
		verify(this.client, never()).newThrowErrorCommand(anyLong());
	}

	@Test
	void shouldOnlyRetryAnActionOfTheStepThatHandsOverThatMayHaveHappened() throws Exception {
		handle("escalate-alert", 5, new OutcomeUnknownException("escalate may have been carried out"));

		verify(this.fail).retries(4);
		assertThat(failMessage())
			.startsWith(JobError.class.getName() + ": escalate may have been carried out" + System.lineSeparator());
		verify(this.client, never()).newThrowErrorCommand(anyLong());
	}

	@Test
	void shouldOnlyRetryARefusalOfTheStepThatHandsOver() throws Exception {
		handle("escalate-alert", 1, new VendorRejectedException("Autotask", "update ticket", 404, "no ticket"));

		verify(this.fail).retries(0);
		assertThat(failMessage()).contains("Unexpected failure in escalate-alert: VendorRejectedException");
		verify(this.client, never()).newThrowErrorCommand(anyLong());
	}

	@Test
	void shouldTreatAnythingElseAsAnUnexpectedOutage() throws Exception {
		handle("verify-fix", 5, new IllegalStateException("db gone"));

		verify(this.fail).retries(4);
		verify(this.failing).retryBackoff(Duration.ofSeconds(5));
		assertThat(failMessage()).contains("Unexpected failure in verify-fix: IllegalStateException: db gone");
	}

	@Test
	void shouldPassAWorkersOwnErrorThrough() throws Exception {
		handle("await-rmm-script", 5,
				CamundaError.bpmnError("SCRIPT_FAILED", "exit 1", Map.of("escalationReason", "exit 1")));

		verify(this.throwError).errorCode("SCRIPT_FAILED");
		assertThat(escalationReason()).isEqualTo("exit 1");
		verify(this.client, never()).newFailCommand(anyLong());
	}

	private void handle(String type, int retries, Exception failure) throws Exception {
		ActivatedJob job = mock(ActivatedJob.class);
		when(job.getKey()).thenReturn(42L);
		when(job.getType()).thenReturn(type);
		when(job.getRetries()).thenReturn(retries);
		JobWorkerValue worker = new JobWorkerValue();
		worker.setMaxRetries(0);
		this.strategy.handleException(failure, new ExceptionHandlingContext(this.client, job, worker));
	}

	private String failMessage() {
		ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
		verify(this.failing).errorMessage(message.capture());
		return message.getValue();
	}

	private Object escalationReason() {
		// Set through CommandWithVariables, a bridge method that verify() does not match.
		Map<?, ?> variables = mockingDetails(this.throwing).getInvocations()
			.stream()
			.filter((invocation) -> invocation.getMethod().getName().equals("variables"))
			.map((invocation) -> (Map<?, ?>) invocation.getArgument(0))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no variables on the BPMN error"));
		return variables.get("escalationReason");
	}

}
