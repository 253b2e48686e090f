package io.closeloop.engine.alert;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step on an alert's timeline. */
@Entity
@Table(name = "alert_event")
public class AlertEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "alert_id")
	private Long alertId;

	private Instant at;

	private String step;

	private String detail;

	protected AlertEvent() {
	}

	AlertEvent(Long alertId, Instant at, String step, String detail) {
		this.alertId = alertId;
		this.at = at;
		this.step = step;
		this.detail = detail;
	}

	public Long getId() {
		return this.id;
	}

	public Long getAlertId() {
		return this.alertId;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getStep() {
		return this.step;
	}

	public String getDetail() {
		return this.detail;
	}

}
