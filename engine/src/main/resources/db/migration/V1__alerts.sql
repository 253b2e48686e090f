-- Alerts and everything that happens to them. Runs on H2 (MySQL mode) and on MySQL/MariaDB.
-- Long texts are TEXT: MySQL limits a row to 64 KB of VARCHAR.

CREATE TABLE alert (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant                VARCHAR(100)  NOT NULL,
    source                VARCHAR(100)  NOT NULL,
    external_id           VARCHAR(200)  NOT NULL,
    type                  VARCHAR(200)  NOT NULL,
    severity              VARCHAR(50)   NOT NULL,
    message               TEXT          NOT NULL,
    device_id             VARCHAR(200)  NOT NULL,
    device_hostname       VARCHAR(255),
    device_os             VARCHAR(255),
    device_role           VARCHAR(100),
    metrics_json          TEXT         ,
    occurred_at           DATETIME(6),
    received_at           DATETIME(6)   NOT NULL,
    status                VARCHAR(40)   NOT NULL,
    process_instance_key  BIGINT,
    ticket_system         VARCHAR(50),
    ticket_id             VARCHAR(100),
    decision_tier         VARCHAR(10),
    decision_category     VARCHAR(100),
    decision_remediation  VARCHAR(200),
    decision_confidence   DOUBLE,
    decision_rules_fired  TEXT         ,
    decision_reasons      TEXT         ,
    rule_set_version      VARCHAR(100),
    escalation_reason     TEXT         ,
    version               BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_alert_source_external_id UNIQUE (source, external_id)
);

CREATE INDEX ix_alert_tenant_status ON alert (tenant, status);
CREATE INDEX ix_alert_status_process ON alert (status, process_instance_key);

-- The timeline. Ordered by id: MySQL Connector/J against MariaDB drops fractional seconds.
CREATE TABLE alert_event (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    alert_id   BIGINT        NOT NULL,
    at         DATETIME(6)   NOT NULL,
    step       VARCHAR(100)  NOT NULL,
    detail     TEXT         ,
    CONSTRAINT fk_alert_event_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);

CREATE INDEX ix_alert_event_alert ON alert_event (alert_id, id);

-- Approval user tasks waiting for (or decided by) a technician.
CREATE TABLE approval_task (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_key               BIGINT        NOT NULL,
    alert_id              BIGINT        NOT NULL,
    process_instance_key  BIGINT        NOT NULL,
    element_instance_key  BIGINT        NOT NULL,
    created_at            DATETIME(6)   NOT NULL,
    due_at                DATETIME(6)   NOT NULL,
    state                 VARCHAR(20)   NOT NULL,
    decided_by            VARCHAR(100),
    decision_comment      TEXT         ,
    decided_at            DATETIME(6),
    version               BIGINT        NOT NULL DEFAULT 0,
    -- A fresh embedded engine hands out job keys again: a key is unique only with its alert.
    CONSTRAINT uk_approval_task_job UNIQUE (job_key, alert_id),
    CONSTRAINT fk_approval_task_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);

CREATE INDEX ix_approval_task_state ON approval_task (state, due_at);

-- Side effects already done, by idempotency key (alert + step), with their recorded result.
CREATE TABLE side_effect (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    idempotency_key  VARCHAR(200)  NOT NULL,
    result_json      TEXT         ,
    created_at       DATETIME(6)   NOT NULL,
    CONSTRAINT uk_side_effect_key UNIQUE (idempotency_key)
);
