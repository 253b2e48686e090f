package io.closeloop.engine.processstart;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** What the engine's answer to a start message means for the start. */
enum EngineAnswer {

	/**
	 * Taken: the start leaves the outbox. Also what a repeat is told: the engine already
	 * has the start of an earlier send whose answer was lost.
	 */
	TAKEN,
	/**
	 * Refused however often it is sent, e.g. the process is not deployed in a form that
	 * can start from the message: the alert goes to a person.
	 */
	REFUSED,
	/** Not taken this time (the engine cannot be reached, or is busy): tried again. */
	NOT_TAKEN;

	static EngineAnswer of(Throwable error) {
		if (error == null) {
			return TAKEN;
		}
		Status.Code code = statusOf(error);
		if (code == Status.Code.ALREADY_EXISTS) {
			return TAKEN;
		}
		if (code == Status.Code.INVALID_ARGUMENT || code == Status.Code.FAILED_PRECONDITION) {
			return REFUSED;
		}
		return NOT_TAKEN;
	}

	/** The message of the error that answered, under the futures' wrappers. */
	static String message(Throwable error) {
		Throwable root = error;
		while ((root instanceof CompletionException || root instanceof ExecutionException) && root.getCause() != null) {
			root = root.getCause();
		}
		return (root != null) ? String.valueOf(root.getMessage()) : "";
	}

	private static Status.Code statusOf(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClientStatusException status) {
				return status.getStatusCode();
			}
			if (cause instanceof StatusRuntimeException status) {
				return status.getStatus().getCode();
			}
		}
		return null;
	}

}
