package io.closeloop.engine.alert;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.closeloop.engine.zeebe.EngineStateLost;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.workers.journal.AlertStatus;

/**
 * When the embedded engine's memory is lost, the alerts whose processes ran in it would
 * wait for ever. They are handed to a person instead, with the reason, so none is
 * silently stuck.
 */
@Component
class LostProcessReconciler {

	private static final Logger log = LoggerFactory.getLogger(LostProcessReconciler.class);

	private static final Set<AlertStatus> FINAL = Arrays.stream(AlertStatus.values())
		.filter(AlertStatus::isFinal)
		.collect(Collectors.toCollection(() -> EnumSet.noneOf(AlertStatus.class)));

	private final AlertRepository alerts;

	private final AlertJournal journal;

	LostProcessReconciler(AlertRepository alerts, AlertJournal journal) {
		this.alerts = alerts;
		this.journal = journal;
	}

	@EventListener
	void engineStateLost(EngineStateLost lost) {
		List<Alert> inFlight = this.alerts.findInFlight(FINAL);
		for (Alert alert : inFlight) {
			this.journal.status(alert.getId(), AlertStatus.ESCALATED, "Its process was lost (" + lost.why()
					+ ") while it was " + alert.getStatus() + "; handle it by hand. The PSA ticket was not updated.");
		}
		if (!inFlight.isEmpty()) {
			log.warn("{} alert(s) lost their process ({}) and were escalated", inFlight.size(), lost.why());
		}
	}

}
