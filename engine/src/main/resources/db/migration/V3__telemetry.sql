-- Telemetry samples and the trend forecasts made from them. Runs on H2 (MySQL mode) and on
-- MySQL/MariaDB.

-- Metric samples as RMMs report them, one row per sample; each series (tenant, device, metric)
-- keeps a bounded window (closeloop.trends.window), older samples are deleted as new ones arrive.
CREATE TABLE telemetry_sample (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant           VARCHAR(100)  NOT NULL,
    device_id        VARCHAR(200)  NOT NULL,
    device_hostname  VARCHAR(255),
    metric           VARCHAR(100)  NOT NULL,
    sample_value     DOUBLE        NOT NULL,
    at               DATETIME(6)   NOT NULL,
    received_at      DATETIME(6)   NOT NULL
);

CREATE INDEX ix_telemetry_sample_series ON telemetry_sample (tenant, device_id, metric, at);

-- One forecast per series: while it is pending or started, later samples start no second
-- proactive-maintenance process; it is cleared once the metric recovers, and counts its
-- occurrences so every new one gets a ticket of its own.
CREATE TABLE trend_forecast (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant                   VARCHAR(100)  NOT NULL,
    device_id                VARCHAR(200)  NOT NULL,
    device_hostname          VARCHAR(255),
    metric                   VARCHAR(100)  NOT NULL,
    state                    VARCHAR(20)   NOT NULL,
    occurrence               INT           NOT NULL,
    current_value            DOUBLE        NOT NULL,
    slope_per_day            DOUBLE        NOT NULL,
    r_squared                DOUBLE        NOT NULL,
    samples                  INT           NOT NULL,
    projected_exhaustion_at  DATETIME(6)   NOT NULL,
    days_left                DOUBLE        NOT NULL,
    opened_at                DATETIME(6)   NOT NULL,
    cleared_at               DATETIME(6),
    process_instance_key     BIGINT,
    version                  BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_trend_forecast_series UNIQUE (tenant, device_id, metric)
);

CREATE INDEX ix_trend_forecast_state ON trend_forecast (state, opened_at);
