package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.closeloop.rules.ActionPath;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.Decision;
import io.closeloop.rules.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A decision as it was made: its inputs, the rule set version, the rules that fired, its
 * outputs. The one place a decision is kept; the alert points at its current one.
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

	private String verification;

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

	DecisionRecord(long alertId, String tenant, Instant decidedAt, String inputJson, Decision decision) {
		this.alertId = alertId;
		this.tenant = tenant;
		this.decidedAt = decidedAt;
		this.inputJson = inputJson;
		this.ruleSetVersion = decision.ruleSetVersion();
		this.category = decision.category();
		this.tier = decision.tier().name();
		this.remediation = decision.remediation();
		this.verification = decision.verification();
		this.confidence = decision.confidence();
		this.mode = (decision.mode() != null) ? decision.mode().name() : null;
		this.path = decision.path().name();
		this.rulesFired = String.join("\n", decision.rulesFired());
		this.reasons = String.join("\n", decision.reasons());
		this.pathReasons = String.join("\n", decision.pathReasons());
	}

	/** The decision, as the rules made it. */
	public Decision decision() {
		return new Decision(this.category, Tier.valueOf(this.tier), this.remediation, this.verification,
				this.confidence, lines(this.rulesFired), lines(this.reasons),
				(this.mode != null) ? AutonomyMode.valueOf(this.mode) : null, ActionPath.Path.valueOf(this.path),
				lines(this.pathReasons), this.ruleSetVersion);
	}

	public Long getId() {
		return this.id;
	}

	public long getAlertId() {
		return this.alertId;
	}

	public String getTenant() {
		return this.tenant;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	/** The facts the decision was made from, as JSON. */
	public String getInputJson() {
		return this.inputJson;
	}

	public String getRuleSetVersion() {
		return this.ruleSetVersion;
	}

	public String getTier() {
		return this.tier;
	}

	public String getPath() {
		return this.path;
	}

	/** The rules that fired, a line each. */
	public String getRulesFired() {
		return this.rulesFired;
	}

	private static List<String> lines(String text) {
		return (text == null || text.isEmpty()) ? List.of() : Arrays.asList(text.split("\n"));
	}

}
