package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.Map;

import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Classification;
import io.closeloop.rules.Decision;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An alert as received, with where it stands, how it was classified and which decision is
 * its current one (the decision itself is a {@link DecisionRecord}).
 */
@Entity
@Table(name = "alert")
// Only the columns a change touches are written: the links set by bulk updates (incident,
// recurrence, process generation) are not overwritten by a worker holding an older copy.
@DynamicUpdate
public class Alert {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String tenant;

	private String source;

	@Column(name = "external_id")
	private String externalId;

	private String type;

	private String severity;

	private String message;

	@Column(name = "device_id")
	private String deviceId;

	@Column(name = "device_hostname")
	private String deviceHostname;

	@Column(name = "device_os")
	private String deviceOs;

	@Column(name = "device_role")
	private String deviceRole;

	@Column(name = "metrics_json")
	@Convert(converter = MetricsColumn.class)
	private Map<String, Double> metrics;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Column(name = "received_at")
	private Instant receivedAt;

	@Enumerated(EnumType.STRING)
	private AlertStatus status;

	/**
	 * How many times its process was started: 0 before the first start, more after a lost
	 * process was resumed.
	 */
	@Column(name = "process_generation")
	private int processGeneration;

	/** The engine its process runs on (see {@code EngineIncarnation}). */
	@Column(name = "engine_incarnation")
	private String engineIncarnation;

	@Column(name = "ticket_system")
	private String ticketSystem;

	@Column(name = "ticket_id")
	private String ticketId;

	/** What the classification rules concluded, once, before the process started. */
	@Column(name = "classification_json")
	@Convert(converter = ClassificationColumn.class)
	private Classification classification;

	/** The decision in force: the latest of the alert's {@link DecisionRecord}s. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "decision_id")
	private DecisionRecord decision;

	@Column(name = "escalation_reason")
	private String escalationReason;

	@Column(name = "incident_id")
	private Long incidentId;

	@Column(name = "recurrence_of")
	private Long recurrenceOf;

	@Version
	private long version;

	protected Alert() {
	}

	Alert(AlertRequest request, Instant receivedAt) {
		this.tenant = request.tenant();
		this.source = request.source();
		this.externalId = request.externalId();
		this.type = request.type();
		this.severity = request.severity();
		this.message = request.message();
		this.deviceId = request.device().id();
		this.deviceHostname = request.device().hostname();
		this.deviceOs = request.device().os();
		this.deviceRole = request.device().role();
		this.metrics = (request.metrics() != null) ? Map.copyOf(request.metrics()) : Map.of();
		this.occurredAt = request.occurredAt();
		this.receivedAt = receivedAt;
		this.status = AlertStatus.RECEIVED;
	}

	/**
	 * Moves the alert on; returns false, changing nothing, when the alert already reached
	 * a final status: a late or repeated job must not reopen a resolved alert or escalate
	 * it after the fact.
	 */
	boolean moveTo(AlertStatus next) {
		if (this.status.isFinal()) {
			return false;
		}
		this.status = next;
		return true;
	}

	void decided(DecisionRecord decision) {
		this.decision = decision;
	}

	void classified(Classification classification) {
		this.classification = classification;
	}

	void ticket(String system, String id) {
		this.ticketSystem = system;
		this.ticketId = id;
	}

	void escalationReason(String reason) {
		this.escalationReason = reason;
	}

	public Long getId() {
		return this.id;
	}

	public String getTenant() {
		return this.tenant;
	}

	public String getSource() {
		return this.source;
	}

	public String getExternalId() {
		return this.externalId;
	}

	public String getType() {
		return this.type;
	}

	public String getSeverity() {
		return this.severity;
	}

	public String getMessage() {
		return this.message;
	}

	public String getDeviceId() {
		return this.deviceId;
	}

	public String getDeviceHostname() {
		return this.deviceHostname;
	}

	public String getDeviceOs() {
		return this.deviceOs;
	}

	public String getDeviceRole() {
		return this.deviceRole;
	}

	public Map<String, Double> getMetrics() {
		return (this.metrics != null) ? this.metrics : Map.of();
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	public AlertStatus getStatus() {
		return this.status;
	}

	public int getProcessGeneration() {
		return this.processGeneration;
	}

	public String getTicketSystem() {
		return this.ticketSystem;
	}

	public String getTicketId() {
		return this.ticketId;
	}

	/** The classification, or null while the alert waits for its first start. */
	public Classification getClassification() {
		return this.classification;
	}

	/** The decision in force, or null before the rules decided. */
	public Decision getDecision() {
		return (this.decision != null) ? this.decision.decision() : null;
	}

	public Long getIncidentId() {
		return this.incidentId;
	}

	public Long getRecurrenceOf() {
		return this.recurrenceOf;
	}

	public String getEscalationReason() {
		return this.escalationReason;
	}

}
