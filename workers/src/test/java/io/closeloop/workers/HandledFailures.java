package io.closeloop.workers;

import java.util.function.Supplier;

import io.camunda.client.api.response.ActivatedJob;

/**
 * What the job exception handling strategy makes of a worker's failure, for worker tests
 * that call a worker directly.
 */
public final class HandledFailures {

	private HandledFailures() {
	}

	/**
	 * Runs a worker's call; a failure is thrown as the job error or BPMN error that
	 * {@link JobFailureConfiguration} turns it into.
	 */
	public static <T> T handled(ActivatedJob job, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			throw JobFailureConfiguration.failure(job, ex);
		}
	}

	/** {@link #handled(ActivatedJob, Supplier)} for a worker that returns nothing. */
	public static void handled(ActivatedJob job, Runnable call) {
		handled(job, () -> {
			call.run();
			return null;
		});
	}

}
