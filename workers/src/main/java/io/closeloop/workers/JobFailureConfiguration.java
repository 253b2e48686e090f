package io.closeloop.workers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.VendorRejectedException;

/**
 * How a worker's exception becomes a job failure, in one place: the workers let their
 * failures through and {@link #failure} maps them. A vendor outage is retried with
 * backoff and, when retries run out, handed to a person through
 * {@code TECHNICAL_FAILURE}; a vendor's refusal, or an action that may have happened, is
 * handed over at once; anything else is an {@linkplain JobFailures#unexpected unexpected}
 * outage. The step that hands an alert to a person only retries. A {@link CamundaError}
 * (a business outcome such as {@code SCRIPT_FAILED}) is the worker's own and passes
 * through.
 */
@Configuration(proxyBeanMethods = false)
public class JobFailureConfiguration {

	@Bean
	JobExceptionHandlingStrategy jobExceptionHandlingStrategy(CommandExceptionHandlingStrategy commands,
			MetricsRecorder metrics) {
		DefaultJobExceptionHandlingStrategy defaults = new DefaultJobExceptionHandlingStrategy(commands, metrics);
		return (ex, context) -> defaults.handleException(failure(context.job(), ex), context);
	}

	/**
	 * The job failure for what a worker threw.
	 * @param job the job that failed
	 * @param ex what the worker threw
	 * @return the job error or BPMN error for the default strategy to send
	 */
	static CamundaError failure(ActivatedJob job, Exception ex) {
		if (ex instanceof CamundaError error) {
			return error;
		}
		if (JobFailures.handsOver(job)) {
			return (ex instanceof ConnectorException outage) ? JobFailures.retry(job, outage)
					: JobFailures.unexpected(job, ex);
		}
		if (ex instanceof ConnectorException outage) {
			return JobFailures.outage(job, outage);
		}
		if (ex instanceof VendorRejectedException rejected) {
			return JobFailures.rejected(job, rejected);
		}
		return JobFailures.unexpected(job, ex);
	}

}
