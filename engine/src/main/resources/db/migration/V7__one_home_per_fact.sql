-- One home per fact. A decision is kept once, in decision_record; the alert points at the
-- one in force. An alert's classification, drawn once before its process starts, is kept
-- with it. Columns nothing reads are gone.

ALTER TABLE decision_record ADD COLUMN verification VARCHAR(200);

ALTER TABLE alert ADD COLUMN decision_id BIGINT;
ALTER TABLE alert ADD COLUMN classification_json TEXT;

UPDATE alert SET decision_id = (SELECT MAX(d.id) FROM decision_record d WHERE d.alert_id = alert.id);

ALTER TABLE alert ADD CONSTRAINT fk_alert_decision FOREIGN KEY (decision_id) REFERENCES decision_record (id);

ALTER TABLE alert DROP COLUMN decision_tier;
ALTER TABLE alert DROP COLUMN decision_category;
ALTER TABLE alert DROP COLUMN decision_remediation;
ALTER TABLE alert DROP COLUMN decision_confidence;
ALTER TABLE alert DROP COLUMN decision_rules_fired;
ALTER TABLE alert DROP COLUMN decision_reasons;
ALTER TABLE alert DROP COLUMN rule_set_version;
ALTER TABLE alert DROP COLUMN decision_mode;
ALTER TABLE alert DROP COLUMN decision_path;
ALTER TABLE alert DROP COLUMN decision_path_reasons;

-- The index on (status, process_instance_key) goes with the column nothing wrote.
DROP INDEX ix_alert_status_process ON alert;
ALTER TABLE alert DROP COLUMN process_instance_key;

-- What made an incident an incident, in the words of the correlation rule that found it.
ALTER TABLE incident ADD COLUMN reason VARCHAR(500);

ALTER TABLE process_start DROP COLUMN enqueued_at;
ALTER TABLE process_start DROP COLUMN attempts;
ALTER TABLE process_start DROP COLUMN last_error;
