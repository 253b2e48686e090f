package io.closeloop.engine.processstart;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.alert.JpaAlertJournal;
import io.closeloop.engine.instance.Instance;
import io.closeloop.engine.zeebe.EngineIncarnation;
import io.closeloop.rules.AlertStatus;

/**
 * Records what the engine answered to a batch of starts: taken starts leave the outbox,
 * refused ones hand their alert to a person, the rest wait to be tried again.
 */
@Component
class StartRecorder {

	private static final Logger log = LoggerFactory.getLogger(StartRecorder.class);

	private final ProcessStartRepository starts;

	private final JpaAlertJournal journal;

	private final TransactionTemplate transactions;

	private final EngineIncarnation engine;

	private final String instance;

	private final Clock clock;

	@Autowired
	StartRecorder(ProcessStartRepository starts, JpaAlertJournal journal, TransactionTemplate transactions,
			EngineIncarnation engine, Instance instance, Clock clock) {
		this(starts, journal, transactions, engine, instance.id(), clock);
	}

	StartRecorder(ProcessStartRepository starts, JpaAlertJournal journal, TransactionTemplate transactions,
			EngineIncarnation engine, String instance, Clock clock) {
		this.engine = engine;
		this.instance = instance;
		this.starts = starts;
		this.journal = journal;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Records the answers; returns the starts the engine did not take this time. */
	List<SentStart> record(List<SentStart> sent) {
		List<SentStart> refused = new ArrayList<>();
		List<SentStart> notTaken = new ArrayList<>();
		this.transactions.executeWithoutResult((tx) -> {
			for (SentStart attempt : sent) {
				ProcessStart start = attempt.start();
				switch (attempt.answer()) {
					case TAKEN -> {
						this.starts.deleteById(start.getAlertId());
						if (attempt.alert() != null && !attempt.alert().getStatus().isFinal()) {
							this.journal.processStarted(start.getAlertId(), start.getGeneration(), start.getReason(),
									this.engine.current());
						}
					}
					case REFUSED -> {
						this.starts.deleteById(start.getAlertId());
						this.journal.status(start.getAlertId(), AlertStatus.ESCALATED,
								"The engine refused to start its process: " + EngineAnswer.message(attempt.error()));
						refused.add(attempt);
					}
					case NOT_TAKEN -> notTaken.add(attempt);
				}
			}
		});
		if (!refused.isEmpty()) {
			log.error("The engine refused {} process start(s): {}", refused.size(),
					EngineAnswer.message(refused.get(0).error()));
		}
		return notTaken;
	}

	/**
	 * The starts are due again after the pause, those still claimed by this instance: one
	 * whose claim ran out while it was being sent may have been claimed by another
	 * instance since, and is that one's now.
	 */
	void retryLater(List<SentStart> notTaken, Duration pause) {
		log.warn("The engine did not take {} process start(s) ({}); trying again in {}", notTaken.size(),
				EngineAnswer.message(notTaken.get(0).error()), pause);
		this.transactions.executeWithoutResult((tx) -> {
			for (SentStart attempt : notTaken) {
				this.starts.findById(attempt.start().getAlertId())
					.filter((stored) -> this.instance.equals(stored.getClaimedBy()))
					.ifPresent((stored) -> stored.failed(this.clock.instant(), pause));
			}
		});
	}

}
