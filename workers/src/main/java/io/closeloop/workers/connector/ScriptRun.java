package io.closeloop.workers.connector;

/** A script run on a device and what is known of it so far. */
public record ScriptRun(String runId, Status status, Integer exitCode, String output) {

	public enum Status {

		RUNNING, SUCCEEDED, FAILED

	}

}
