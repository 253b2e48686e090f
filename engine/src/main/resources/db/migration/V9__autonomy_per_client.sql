-- Autonomy is earned per client and category. The standing of tenant '*' is the MSP-wide one,
-- which a client inherits until it has evidence of its own; the standings kept so far become it.
CREATE TABLE autonomy_standing (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant             VARCHAR(100)  NOT NULL,
    category           VARCHAR(100)  NOT NULL,
    mode               VARCHAR(20)   NOT NULL,
    changed_at         DATETIME(6)   NOT NULL,
    evidence_after_id  BIGINT        NOT NULL DEFAULT 0,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_autonomy_standing UNIQUE (tenant, category)
);

INSERT INTO autonomy_standing (tenant, category, mode, changed_at, evidence_after_id, version)
    SELECT '*', category, mode, changed_at, evidence_after_id, version FROM category_autonomy;

DROP TABLE category_autonomy;

-- Whose outcome each one is: a client's evidence counts for that client alone.
ALTER TABLE remediation_outcome ADD COLUMN tenant VARCHAR(100);
UPDATE remediation_outcome SET tenant = (SELECT a.tenant FROM alert a WHERE a.id = remediation_outcome.alert_id);
CREATE INDEX ix_remediation_outcome_tenant_category ON remediation_outcome (tenant, category, id);

ALTER TABLE autonomy_change ADD COLUMN tenant VARCHAR(100) NOT NULL DEFAULT '*';
CREATE INDEX ix_autonomy_change_tenant ON autonomy_change (tenant, id);
