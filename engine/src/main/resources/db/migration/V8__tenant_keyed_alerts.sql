-- An alert is its source's id within a tenant: two clients may use the same ids, and one
-- client's resend must never find (or reveal) another client's alert.
ALTER TABLE alert DROP CONSTRAINT uk_alert_source_external_id;
ALTER TABLE alert ADD CONSTRAINT uk_alert_tenant_source_external_id UNIQUE (tenant, source, external_id);
