package io.closeloop.engine.alert;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A decision as it was made: its inputs, the rule set version, the rules that fired, its
 * outputs.
 */
@Entity
@Table(name = "decision_record")
public class DecisionRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "alert_id")
	private long alertId;

	private String tenant;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "rule_set_version")
	private String ruleSetVersion;

	@Column(name = "input_json")
	private String inputJson;

	private String category;

	private String tier;

	private String remediation;

	private double confidence;

	private String mode;

	private String path;

	@Column(name = "rules_fired")
	private String rulesFired;

	private String reasons;

	@Column(name = "path_reasons")
	private String pathReasons;

	protected DecisionRecord() {
	}

	DecisionRecord(long alertId, String tenant, Instant decidedAt, String ruleSetVersion, String inputJson,
			String category, String tier, String remediation, double confidence, String mode, String path,
			String rulesFired, String reasons, String pathReasons) {
		this.alertId = alertId;
		this.tenant = tenant;
		this.decidedAt = decidedAt;
		this.ruleSetVersion = ruleSetVersion;
		this.inputJson = inputJson;
		this.category = category;
		this.tier = tier;
		this.remediation = remediation;
		this.confidence = confidence;
		this.mode = mode;
		this.path = path;
		this.rulesFired = rulesFired;
		this.reasons = reasons;
		this.pathReasons = pathReasons;
	}

	public long getAlertId() {
		return this.alertId;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public String getRuleSetVersion() {
		return this.ruleSetVersion;
	}

	public String getInputJson() {
		return this.inputJson;
	}

	public String getTier() {
		return this.tier;
	}

	public String getPath() {
		return this.path;
	}

	public String getRulesFired() {
		return this.rulesFired;
	}

}
