package io.closeloop.engine.processstart;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.closeloop.engine.alert.Alert;

/**
 * One start sent, with the alert it was for (null when the alert is gone) and the
 * engine's answer.
 */
record SentStart(ProcessStart start, Alert alert, CompletableFuture<?> reply) {

	/** The error the engine answered with, or null when it took the start. */
	Throwable error() {
		if (!this.reply.isCompletedExceptionally()) {
			return null;
		}
		try {
			this.reply.join();
			return null;
		}
		catch (CompletionException ex) {
			return (ex.getCause() != null) ? ex.getCause() : ex;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	EngineAnswer answer() {
		return EngineAnswer.of(error());
	}

}
