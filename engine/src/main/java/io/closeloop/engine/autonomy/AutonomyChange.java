package io.closeloop.engine.autonomy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit record of a promotion or demotion, for one client or for every client. */
@Entity
@Table(name = "autonomy_change")
class AutonomyChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String tenant;

	private String category;

	@Column(name = "from_mode")
	private String fromMode;

	@Column(name = "to_mode")
	private String toMode;

	private String reason;

	private int outcomes;

	private int successes;

	@Column(name = "lower_bound")
	private double lowerBound;

	@Column(name = "changed_at")
	private Instant changedAt;

	@Column(name = "changed_by")
	private String changedBy;

	protected AutonomyChange() {
	}

	AutonomyChange(String tenant, String category, String fromMode, String toMode, String reason, Evidence evidence,
			Instant changedAt, String changedBy) {
		this.tenant = tenant;
		this.category = category;
		this.fromMode = fromMode;
		this.toMode = toMode;
		this.reason = reason;
		this.outcomes = evidence.outcomes();
		this.successes = evidence.successes();
		this.lowerBound = evidence.lowerBound();
		this.changedAt = changedAt;
		this.changedBy = changedBy;
	}

	String getTenant() {
		return this.tenant;
	}

	String getCategory() {
		return this.category;
	}

	String getFromMode() {
		return this.fromMode;
	}

	String getToMode() {
		return this.toMode;
	}

	String getReason() {
		return this.reason;
	}

	int getOutcomes() {
		return this.outcomes;
	}

	int getSuccesses() {
		return this.successes;
	}

	double getLowerBound() {
		return this.lowerBound;
	}

	Instant getChangedAt() {
		return this.changedAt;
	}

	String getChangedBy() {
		return this.changedBy;
	}

	/** Outcomes, successes and the Wilson lower bound of a body of evidence. */
	record Evidence(int outcomes, int successes, double lowerBound) {

		static Evidence of(int outcomes, int successes) {
			return new Evidence(outcomes, successes, WilsonScore.lowerBound(successes, outcomes));
		}

	}

}
