package io.closeloop.engine.telemetry;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One metric sample of one device, as received. */
@Entity
@Table(name = "telemetry_sample")
public class TelemetrySample {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String tenant;

	@Column(name = "device_id")
	private String deviceId;

	@Column(name = "device_hostname")
	private String deviceHostname;

	private String metric;

	@Column(name = "sample_value")
	private double value;

	private Instant at;

	@Column(name = "received_at")
	private Instant receivedAt;

	protected TelemetrySample() {
	}

	TelemetrySample(String tenant, String deviceId, String deviceHostname, String metric, double value, Instant at,
			Instant receivedAt) {
		this.tenant = tenant;
		this.deviceId = deviceId;
		this.deviceHostname = deviceHostname;
		this.metric = metric;
		this.value = value;
		this.at = at;
		this.receivedAt = receivedAt;
	}

	Reading reading() {
		return new Reading(this.at, this.value);
	}

	public Long getId() {
		return this.id;
	}

	public String getTenant() {
		return this.tenant;
	}

	public String getDeviceId() {
		return this.deviceId;
	}

	public String getDeviceHostname() {
		return this.deviceHostname;
	}

	public String getMetric() {
		return this.metric;
	}

	public double getValue() {
		return this.value;
	}

	public Instant getAt() {
		return this.at;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

}
