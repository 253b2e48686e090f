-- Each webhook delivery handled, by the digest of its vendor and body, so a delivery sent again
-- (a replay, or a vendor's retry of one already answered) is not acted on twice. Rows older than
-- closeloop.webhook-deliveries.remember-for are deleted.
CREATE TABLE webhook_delivery (
    digest       VARCHAR(64)  NOT NULL PRIMARY KEY,
    vendor       VARCHAR(40)  NOT NULL,
    alert_id     BIGINT       NULL,
    received_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_webhook_delivery_received_at ON webhook_delivery (received_at);
