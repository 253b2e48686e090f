package io.closeloop.engine.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A webhook delivery handled: its digest, whose it was, its alert, and when. */
@Entity
@Table(name = "webhook_delivery")
class ReceivedDelivery {

	@Id
	@Column(length = 64)
	private String digest;

	@Column(nullable = false, length = 40)
	private String vendor;

	@Column(name = "alert_id")
	private Long alertId;

	@Column(name = "received_at", nullable = false)
	private Instant receivedAt;

	protected ReceivedDelivery() {
	}

	ReceivedDelivery(String digest, String vendor, Long alertId, Instant receivedAt) {
		this.digest = digest;
		this.vendor = vendor;
		this.alertId = alertId;
		this.receivedAt = receivedAt;
	}

	/** The alert the delivery raised or cleared, if it named one. */
	Long alertId() {
		return this.alertId;
	}

	Instant receivedAt() {
		return this.receivedAt;
	}

}
