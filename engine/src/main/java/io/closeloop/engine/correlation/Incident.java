package io.closeloop.engine.correlation;

import java.time.Instant;

import io.closeloop.rules.CrossTenantIncident;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A cross-tenant incident: the same category of alert on many clients within an hour. */
@Entity
@Table(name = "incident")
class Incident {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String category;

	@Column(name = "started_at")
	private Instant startedAt;

	@Column(name = "started_epoch")
	private long startedEpoch;

	/** What made it an incident, in the words of the rule that found it. */
	private String reason;

	protected Incident() {
	}

	Incident(CrossTenantIncident found) {
		this.category = found.category();
		this.startedEpoch = found.startedAt();
		this.startedAt = Instant.ofEpochMilli(found.startedAt());
		this.reason = found.reason();
	}

	Long getId() {
		return this.id;
	}

	String getCategory() {
		return this.category;
	}

	String getReason() {
		return this.reason;
	}

}
