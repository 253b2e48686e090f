-- An alert's message longer than alert.message holds (4000 characters) is kept whole here, up to
-- 1,048,576 characters; alert.message keeps its beginning and a note of the cut. MEDIUMTEXT holds
-- 16 MB on MySQL/MariaDB (a character takes at most four bytes) and is a CLOB on H2. A table of its
-- own, so reading alerts never reads the long texts.
CREATE TABLE alert_message (
    alert_id     BIGINT      NOT NULL PRIMARY KEY,
    full_length  INT         NOT NULL,
    full_text    MEDIUMTEXT  NOT NULL,
    CONSTRAINT fk_alert_message_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);
