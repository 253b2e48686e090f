package io.closeloop.engine.alert;

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

	private static final int MAX_ERROR = 500;

	@Id
	@Column(name = "alert_id")
	private Long alertId;

	private int generation;

	private String reason;

	@Column(name = "enqueued_at")
	private Instant enqueuedAt;

	@Column(name = "due_at")
	private Instant dueAt;

	private int attempts;

	@Column(name = "last_error")
	private String lastError;

	private boolean correlated;

	protected ProcessStart() {
	}

	ProcessStart(long alertId, int generation, String reason, Instant enqueuedAt, Instant dueAt) {
		this.alertId = alertId;
		this.generation = generation;
		this.reason = reason;
		this.enqueuedAt = enqueuedAt;
		this.dueAt = dueAt;
		// Only a new alert is correlated; a resumed one was when it came.
		this.correlated = generation > 1;
	}

	boolean isCorrelated() {
		return this.correlated;
	}

	void failed(String error, Instant now, Duration backoff) {
		this.attempts++;
		this.lastError = (error != null && error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error;
		this.dueAt = now.plus(backoff);
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

	Instant getEnqueuedAt() {
		return this.enqueuedAt;
	}

	Instant getDueAt() {
		return this.dueAt;
	}

	int getAttempts() {
		return this.attempts;
	}

	String getLastError() {
		return this.lastError;
	}

}
