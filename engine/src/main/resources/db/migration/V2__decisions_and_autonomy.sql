-- Decisions kept for audit, and the evidence by which categories earn autonomy.

ALTER TABLE alert ADD COLUMN decision_mode VARCHAR(20);
ALTER TABLE alert ADD COLUMN decision_path VARCHAR(20);
ALTER TABLE alert ADD COLUMN decision_path_reasons TEXT;

-- Every decision: what it was made from, by which rules, and what came out.
CREATE TABLE decision_record (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    alert_id          BIGINT        NOT NULL,
    tenant            VARCHAR(100)  NOT NULL,
    decided_at        DATETIME(6)   NOT NULL,
    rule_set_version  VARCHAR(100)  NOT NULL,
    input_json        TEXT          NOT NULL,
    category          VARCHAR(100),
    tier              VARCHAR(10)   NOT NULL,
    remediation       VARCHAR(200),
    confidence        DOUBLE        NOT NULL,
    mode              VARCHAR(20),
    path              VARCHAR(20)   NOT NULL,
    rules_fired       TEXT          NOT NULL,
    reasons           TEXT          NOT NULL,
    path_reasons      TEXT          NOT NULL,
    CONSTRAINT fk_decision_record_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);

CREATE INDEX ix_decision_record_alert ON decision_record (alert_id, id);

-- The autonomy each category has earned. Evidence counts from the outcome after evidence_after_id.
CREATE TABLE category_autonomy (
    category           VARCHAR(100)  NOT NULL PRIMARY KEY,
    mode               VARCHAR(20)   NOT NULL,
    changed_at         DATETIME(6)   NOT NULL,
    evidence_after_id  BIGINT        NOT NULL DEFAULT 0,
    version            BIGINT        NOT NULL DEFAULT 0
);

-- How each remediation (or, in shadow mode, the technician's own fix) turned out. One per alert.
CREATE TABLE remediation_outcome (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    alert_id     BIGINT        NOT NULL,
    category     VARCHAR(100)  NOT NULL,
    mode         VARCHAR(20)   NOT NULL,
    tier         VARCHAR(10)   NOT NULL,
    path         VARCHAR(20)   NOT NULL,
    success      BOOLEAN       NOT NULL,
    source       VARCHAR(20)   NOT NULL,
    detail       TEXT,
    recorded_by  VARCHAR(100),
    recorded_at  DATETIME(6)   NOT NULL,
    CONSTRAINT uk_remediation_outcome_alert UNIQUE (alert_id),
    CONSTRAINT fk_remediation_outcome_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);

CREATE INDEX ix_remediation_outcome_category ON remediation_outcome (category, id);

-- Every promotion and demotion, with the evidence behind it.
CREATE TABLE autonomy_change (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    category     VARCHAR(100)  NOT NULL,
    from_mode    VARCHAR(20),
    to_mode      VARCHAR(20)   NOT NULL,
    reason       TEXT          NOT NULL,
    outcomes     INT           NOT NULL,
    successes    INT           NOT NULL,
    lower_bound  DOUBLE        NOT NULL,
    changed_at   DATETIME(6)   NOT NULL,
    changed_by   VARCHAR(100)  NOT NULL
);

CREATE INDEX ix_autonomy_change_category ON autonomy_change (category, id);
