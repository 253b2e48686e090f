-- The transactional outbox of process starts. A row is written in the same transaction as
-- its alert and removed once the engine has taken the start, so an accepted alert is
-- never left without a process, whatever the engine was doing when it arrived.
-- generation counts the starts of an alert's process: 1 for the first, more when a lost
-- process was resumed. The start message's id carries it, so the engine refuses a repeat.
ALTER TABLE alert ADD COLUMN process_generation INT NOT NULL DEFAULT 0;

UPDATE alert SET process_generation = 1 WHERE process_instance_key IS NOT NULL;

CREATE TABLE process_start (
    alert_id     BIGINT        PRIMARY KEY,
    generation   INT           NOT NULL,
    reason       VARCHAR(300)  NOT NULL,
    enqueued_at  DATETIME(6)   NOT NULL,
    due_at       DATETIME(6)   NOT NULL,
    attempts     INT           NOT NULL DEFAULT 0,
    -- A new alert is correlated (cross-tenant incident, recurrence) by the dispatcher just
    -- before its start, off the request's path; once only.
    correlated   BOOLEAN       NOT NULL DEFAULT FALSE,
    last_error   VARCHAR(500),
    CONSTRAINT fk_process_start_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);

CREATE INDEX ix_process_start_due ON process_start (due_at, alert_id);

-- Alerts stored while the engine could not be reached, before this outbox existed.
INSERT INTO process_start (alert_id, generation, reason, enqueued_at, due_at, attempts, correlated)
    SELECT id, 1, 'received', received_at, received_at, 0, TRUE FROM alert
    WHERE process_instance_key IS NULL AND status = 'RECEIVED';
