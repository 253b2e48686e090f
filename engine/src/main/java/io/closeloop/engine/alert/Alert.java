package io.closeloop.engine.alert;

import java.time.Instant;

import io.closeloop.rules.Decision;
import io.closeloop.workers.journal.AlertStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

/** An alert as received, with where it stands and what was decided for it. */
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
	private String metricsJson;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Column(name = "received_at")
	private Instant receivedAt;

	@Enumerated(EnumType.STRING)
	private AlertStatus status;

	@Column(name = "process_instance_key")
	private Long processInstanceKey;

	/**
	 * How many times its process was started: 0 before the first start, more after a lost
	 * process was resumed.
	 */
	@Column(name = "process_generation")
	private int processGeneration;

	@Column(name = "ticket_system")
	private String ticketSystem;

	@Column(name = "ticket_id")
	private String ticketId;

	@Column(name = "decision_tier")
	private String decisionTier;

	@Column(name = "decision_category")
	private String decisionCategory;

	@Column(name = "decision_remediation")
	private String decisionRemediation;

	@Column(name = "decision_confidence")
	private Double decisionConfidence;

	@Column(name = "decision_rules_fired")
	private String decisionRulesFired;

	@Column(name = "decision_reasons")
	private String decisionReasons;

	@Column(name = "rule_set_version")
	private String ruleSetVersion;

	@Column(name = "decision_mode")
	private String decisionMode;

	@Column(name = "decision_path")
	private String decisionPath;

	@Column(name = "decision_path_reasons")
	private String decisionPathReasons;

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

	Alert(String tenant, String source, String externalId, String type, String severity, String message,
			String deviceId, String deviceHostname, String deviceOs, String deviceRole, String metricsJson,
			Instant occurredAt, Instant receivedAt) {
		this.tenant = tenant;
		this.source = source;
		this.externalId = externalId;
		this.type = type;
		this.severity = severity;
		this.message = message;
		this.deviceId = deviceId;
		this.deviceHostname = deviceHostname;
		this.deviceOs = deviceOs;
		this.deviceRole = deviceRole;
		this.metricsJson = metricsJson;
		this.occurredAt = occurredAt;
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

	void decided(Decision decision, String ruleSetVersion) {
		this.decisionTier = decision.tier().name();
		this.decisionCategory = decision.category();
		this.decisionRemediation = decision.remediation();
		this.decisionConfidence = decision.confidence();
		this.decisionRulesFired = String.join("\n", decision.rulesFired());
		this.decisionReasons = String.join("\n", decision.reasons());
		this.ruleSetVersion = ruleSetVersion;
		this.decisionMode = (decision.mode() != null) ? decision.mode().name() : null;
		this.decisionPath = decision.path().name();
		this.decisionPathReasons = String.join("\n", decision.pathReasons());
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

	public String getMetricsJson() {
		return this.metricsJson;
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

	public Long getProcessInstanceKey() {
		return this.processInstanceKey;
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

	public String getDecisionTier() {
		return this.decisionTier;
	}

	public String getDecisionCategory() {
		return this.decisionCategory;
	}

	public String getDecisionRemediation() {
		return this.decisionRemediation;
	}

	public Double getDecisionConfidence() {
		return this.decisionConfidence;
	}

	public String getDecisionRulesFired() {
		return this.decisionRulesFired;
	}

	public String getDecisionReasons() {
		return this.decisionReasons;
	}

	public String getRuleSetVersion() {
		return this.ruleSetVersion;
	}

	public String getDecisionMode() {
		return this.decisionMode;
	}

	public String getDecisionPath() {
		return this.decisionPath;
	}

	public String getDecisionPathReasons() {
		return this.decisionPathReasons;
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
