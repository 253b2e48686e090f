package io.closeloop.engine.correlation;

import java.time.Instant;

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

	protected Incident() {
	}

	Incident(String category, long startedEpoch) {
		this.category = category;
		this.startedEpoch = startedEpoch;
		this.startedAt = Instant.ofEpochMilli(startedEpoch);
	}

	Long getId() {
		return this.id;
	}

	String getCategory() {
		return this.category;
	}

}
