package io.closeloop.engine.processstart;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A process start waiting in the outbox: written in the same transaction as its alert (or
 * by the reconciler when a process was lost), removed once the engine has taken it.
 */
@Entity
@Table(name = "process_start")
class ProcessStart {

	@Id
	@Column(name = "alert_id")
	private Long alertId;

	private int generation;

	private String reason;

	@Column(name = "due_at")
	private Instant dueAt;

	private boolean correlated;

	/** The instance whose dispatcher is sending it, until {@code dueAt}. */
	@Column(name = "claimed_by")
	private String claimedBy;

	protected ProcessStart() {
	}

	ProcessStart(long alertId, int generation, String reason, Instant dueAt) {
		this.alertId = alertId;
		this.generation = generation;
		this.reason = reason;
		this.dueAt = dueAt;
		// Only a new alert is correlated; a resumed one was when it came.
		this.correlated = generation > 1;
	}

	boolean isCorrelated() {
		return this.correlated;
	}

	/** The engine did not take it: due again after the pause, for any instance. */
	void failed(Instant now, Duration backoff) {
		this.dueAt = now.plus(backoff);
		this.claimedBy = null;
	}

	String getClaimedBy() {
		return this.claimedBy;
	}

	long getAlertId() {
		return this.alertId;
	}

	int getGeneration() {
		return this.generation;
	}

	String getReason() {
		return this.reason;
	}

}
