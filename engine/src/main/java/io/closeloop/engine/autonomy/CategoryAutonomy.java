package io.closeloop.engine.autonomy;

import java.time.Instant;

import io.closeloop.rules.AutonomyMode;
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
 * A category's mode for one client, or for every client without evidence of its own
 * ({@link #EVERY_CLIENT}), and where the evidence for its next change starts.
 */
@Entity
@Table(name = "autonomy_standing")
class CategoryAutonomy {

	/** The tenant of the MSP-wide standing a client inherits until it has its own. */
	static final String EVERY_CLIENT = "*";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String tenant;

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

	CategoryAutonomy(String tenant, String category, AutonomyMode mode, Instant changedAt, long evidenceAfterId) {
		this.tenant = tenant;
		this.category = category;
		this.mode = mode;
		this.changedAt = changedAt;
		this.evidenceAfterId = evidenceAfterId;
	}

	/** Changes the mode; evidence gathered under the old mode no longer counts. */
	void change(AutonomyMode next, Instant at, long lastOutcomeId) {
		this.mode = next;
		this.changedAt = at;
		this.evidenceAfterId = lastOutcomeId;
	}

	boolean isEveryClient() {
		return EVERY_CLIENT.equals(this.tenant);
	}

	String getTenant() {
		return this.tenant;
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
