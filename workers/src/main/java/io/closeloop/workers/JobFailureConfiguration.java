package io.closeloop.workers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;

/**
 * How a worker's exception becomes a job failure. The workers' own failures (outages,
 * rejections, business errors) already arrive as {@link CamundaError}s; anything else is
 * turned into an outage by {@link JobFailures#unexpected}, so it is retried with backoff
 * and, when retries run out, handed to a person through {@code TECHNICAL_FAILURE}.
 */
@Configuration(proxyBeanMethods = false)
public class JobFailureConfiguration {

	@Bean
	JobExceptionHandlingStrategy jobExceptionHandlingStrategy(CommandExceptionHandlingStrategy commands,
			MetricsRecorder metrics) {
		DefaultJobExceptionHandlingStrategy defaults = new DefaultJobExceptionHandlingStrategy(commands, metrics);
		return (ex, context) -> defaults
			.handleException((ex instanceof CamundaError) ? ex : JobFailures.unexpected(context.job(), ex), context);
	}

}
