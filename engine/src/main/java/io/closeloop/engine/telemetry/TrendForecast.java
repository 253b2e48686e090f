package io.closeloop.engine.telemetry;

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
 * A series' projected exhaustion, one row per tenant, device and metric. While it is open
 * (pending or started) later samples start no second process; once the metric recovers it
 * is cleared, and a new projection opens it again as its next occurrence.
 */
@Entity
@Table(name = "trend_forecast")
public class TrendForecast {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String tenant;

	@Column(name = "device_id")
	private String deviceId;

	@Column(name = "device_hostname")
	private String deviceHostname;

	private String metric;

	@Enumerated(EnumType.STRING)
	private State state;

	private int occurrence;

	@Column(name = "current_value")
	private double currentValue;

	@Column(name = "slope_per_day")
	private double slopePerDay;

	@Column(name = "r_squared")
	private double rSquared;

	private int samples;

	@Column(name = "projected_exhaustion_at")
	private Instant projectedExhaustionAt;

	@Column(name = "days_left")
	private double daysLeft;

	@Column(name = "opened_at")
	private Instant openedAt;

	@Column(name = "cleared_at")
	private Instant clearedAt;

	@Column(name = "process_instance_key")
	private Long processInstanceKey;

	@Version
	private long version;

	protected TrendForecast() {
	}

	TrendForecast(Series series, String deviceHostname, Projection projection, Instant now) {
		this.tenant = series.tenant();
		this.deviceId = series.deviceId();
		this.metric = series.metric();
		open(deviceHostname, projection, now);
	}

	/** Opens the forecast (again) with a new projection, waiting for its process. */
	void open(String deviceHostname, Projection projection, Instant now) {
		this.deviceHostname = deviceHostname;
		this.state = State.PENDING;
		this.occurrence++;
		this.currentValue = projection.currentValue();
		this.slopePerDay = projection.slopePerDay();
		this.rSquared = projection.rSquared();
		this.samples = projection.samples();
		this.projectedExhaustionAt = projection.exhaustionAt();
		this.daysLeft = projection.daysLeft();
		this.openedAt = now;
		this.clearedAt = null;
		this.processInstanceKey = null;
	}

	void processStarted(long key) {
		if (this.state == State.PENDING) {
			this.state = State.STARTED;
			this.processInstanceKey = key;
		}
	}

	void clear(Instant now) {
		this.state = State.CLEARED;
		this.clearedAt = now;
	}

	boolean isOpen() {
		return this.state != State.CLEARED;
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

	public State getState() {
		return this.state;
	}

	public int getOccurrence() {
		return this.occurrence;
	}

	public double getCurrentValue() {
		return this.currentValue;
	}

	public double getSlopePerDay() {
		return this.slopePerDay;
	}

	public double getRSquared() {
		return this.rSquared;
	}

	public int getSamples() {
		return this.samples;
	}

	public Instant getProjectedExhaustionAt() {
		return this.projectedExhaustionAt;
	}

	public double getDaysLeft() {
		return this.daysLeft;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getClearedAt() {
		return this.clearedAt;
	}

	public Long getProcessInstanceKey() {
		return this.processInstanceKey;
	}

	/** Where a forecast stands. */
	public enum State {

		/** Projected; its process is not started yet (the engine may be unreachable). */
		PENDING,

		/** Its proactive-maintenance process was started. */
		STARTED,

		/** The metric recovered; the next projection opens the forecast again. */
		CLEARED

	}

}
