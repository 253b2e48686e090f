package io.closeloop.engine.approval;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An approval user task, from the moment the engine hands it out until it is decided or
 * moot.
 */
@Entity
@Table(name = "approval_task")
class ApprovalTask {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "job_key")
	private long jobKey;

	@Column(name = "alert_id")
	private long alertId;

	@Column(name = "process_instance_key")
	private long processInstanceKey;

	@Column(name = "element_instance_key")
	private long elementInstanceKey;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "due_at")
	private Instant dueAt;

	@Enumerated(EnumType.STRING)
	private State state;

	@Column(name = "decided_by")
	private String decidedBy;

	/** The technician's decision, recorded with the claim: true to approve. */
	private Boolean approved;

	@Column(name = "decision_comment")
	private String decisionComment;

	@Column(name = "decided_at")
	private Instant decidedAt;

	/** The engine that handed out its job (see {@code EngineIncarnation}). */
	@Column(name = "engine_incarnation")
	private String engineIncarnation;

	@Version
	private long version;

	protected ApprovalTask() {
	}

	ApprovalTask(long jobKey, long alertId, long processInstanceKey, long elementInstanceKey, Instant createdAt,
			Instant dueAt, String engineIncarnation) {
		this.engineIncarnation = engineIncarnation;
		this.jobKey = jobKey;
		this.alertId = alertId;
		this.processInstanceKey = processInstanceKey;
		this.elementInstanceKey = elementInstanceKey;
		this.createdAt = createdAt;
		this.dueAt = dueAt;
		this.state = State.OPEN;
	}

	void decided(State outcome, String technician, String comment, Instant at) {
		this.state = outcome;
		this.decidedBy = technician;
		this.decisionComment = comment;
		this.decidedAt = at;
	}

	/** Its job was handed out again, perhaps by another instance's engine client. */
	void handedOutBy(String engineIncarnation) {
		this.engineIncarnation = engineIncarnation;
	}

	void moot() {
		this.state = State.MOOT;
	}

	Long getId() {
		return this.id;
	}

	long getJobKey() {
		return this.jobKey;
	}

	long getAlertId() {
		return this.alertId;
	}

	Instant getDueAt() {
		return this.dueAt;
	}

	State getState() {
		return this.state;
	}

	String getDecisionComment() {
		return this.decisionComment;
	}

	String getDecidedBy() {
		return this.decidedBy;
	}

	/** The recorded decision: true approved, false rejected, null none yet. */
	Boolean getApproved() {
		return this.approved;
	}

	Instant getDecidedAt() {
		return this.decidedAt;
	}

	enum State {

		/** Waiting for a technician. */
		OPEN,
		/**
		 * A technician's decision is recorded and being delivered to the engine, or the
		 * engine has not confirmed it yet: it is delivered again until it is confirmed or
		 * the process has moved on, never released.
		 */
		DECIDING, APPROVED, REJECTED,
		/** The process stopped waiting (SLA escalation, engine replaced). */
		MOOT

	}

}
