package io.closeloop.engine.processstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.springframework.stereotype.Component;

import io.closeloop.engine.alert.Alert;

/**
 * Sends a batch of starts to the engine with a bounded number in flight, so the engine's
 * round trips overlap instead of adding up.
 */
@Component
class StartSender {

	private final ProcessStarter starter;

	private final ProcessStartSettings settings;

	StartSender(ProcessStarter starter, ProcessStartSettings settings) {
		this.starter = starter;
		this.settings = settings;
	}

	/**
	 * Sends each start whose alert is still open and waits for every answer; a start of
	 * an alert that is gone or final is answered at once, as taken.
	 */
	List<SentStart> send(List<ProcessStart> due, Map<Long, Alert> alerts) throws InterruptedException {
		List<SentStart> sent = new ArrayList<>(due.size());
		int inFlight = this.settings.inFlight();
		for (ProcessStart start : due) {
			Alert alert = alerts.get(start.getAlertId());
			CompletableFuture<?> reply = (alert == null || alert.getStatus().isFinal())
					? CompletableFuture.completedFuture(null) : startOrFail(alert, start.getGeneration());
			sent.add(new SentStart(start, alert, reply));
			if (sent.size() >= inFlight) {
				await(sent.get(sent.size() - inFlight).reply());
			}
		}
		for (SentStart start : sent) {
			await(start.reply());
		}
		return sent;
	}

	private CompletableFuture<?> startOrFail(Alert alert, int generation) {
		try {
			return this.starter.start(alert, generation);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static void await(CompletableFuture<?> reply) throws InterruptedException {
		try {
			reply.get();
		}
		catch (ExecutionException ex) {
			// Read from the start's reply when it is recorded.
		}
	}

}
