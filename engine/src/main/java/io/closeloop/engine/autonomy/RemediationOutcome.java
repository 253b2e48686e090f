package io.closeloop.engine.autonomy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How one alert's fix turned out. */
@Entity
@Table(name = "remediation_outcome")
class RemediationOutcome {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "alert_id")
	private long alertId;

	private String tenant;

	private String category;

	private String mode;

	private String tier;

	private String path;

	private boolean success;

	private String source;

	private String detail;

	@Column(name = "recorded_by")
	private String recordedBy;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	protected RemediationOutcome() {
	}

	RemediationOutcome(AutonomyEvidence evidence, Instant recordedAt) {
		this.alertId = evidence.alertId();
		this.tenant = evidence.tenant();
		this.category = evidence.category();
		this.mode = evidence.mode().name();
		this.tier = evidence.tier();
		this.path = evidence.path();
		this.success = evidence.success();
		this.source = evidence.source().name();
		this.detail = evidence.detail();
		this.recordedBy = evidence.recordedBy();
		this.recordedAt = recordedAt;
	}

	Long getId() {
		return this.id;
	}

	String getTier() {
		return this.tier;
	}

	boolean isSuccess() {
		return this.success;
	}

}
