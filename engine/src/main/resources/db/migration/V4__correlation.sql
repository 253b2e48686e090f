-- Cross-tenant incidents and recurrences found by the correlation rules.

CREATE TABLE incident (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    category       VARCHAR(100)  NOT NULL,
    started_at     DATETIME(6)   NOT NULL,
    started_epoch  BIGINT        NOT NULL,
    CONSTRAINT uk_incident_category_start UNIQUE (category, started_epoch)
);

ALTER TABLE alert ADD COLUMN incident_id BIGINT;
ALTER TABLE alert ADD COLUMN recurrence_of BIGINT;
ALTER TABLE alert ADD CONSTRAINT fk_alert_incident FOREIGN KEY (incident_id) REFERENCES incident (id);
