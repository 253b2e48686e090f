package io.closeloop.engine.autonomy;

import java.time.Instant;

import io.closeloop.rules.AutonomyMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A category's current mode, and where the evidence for its next change starts. */
@Entity
@Table(name = "category_autonomy")
class CategoryAutonomy {

	@Id
	private String category;

	@Enumerated(EnumType.STRING)
	private AutonomyMode mode;

	@Column(name = "changed_at")
	private Instant changedAt;

	@Column(name = "evidence_after_id")
	private long evidenceAfterId;

	@Version
	private long version;

	protected CategoryAutonomy() {
	}

	CategoryAutonomy(String category, AutonomyMode mode, Instant changedAt) {
		this.category = category;
		this.mode = mode;
		this.changedAt = changedAt;
	}

	/** Changes the mode; evidence gathered under the old mode no longer counts. */
	void change(AutonomyMode next, Instant at, long lastOutcomeId) {
		this.mode = next;
		this.changedAt = at;
		this.evidenceAfterId = lastOutcomeId;
	}

	String getCategory() {
		return this.category;
	}

	AutonomyMode getMode() {
		return this.mode;
	}

	Instant getChangedAt() {
		return this.changedAt;
	}

	long getEvidenceAfterId() {
		return this.evidenceAfterId;
	}

}
