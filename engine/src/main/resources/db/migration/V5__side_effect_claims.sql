-- A side effect is claimed (PENDING) before it is done, so two deliveries of one job never both act.
ALTER TABLE side_effect ADD COLUMN state VARCHAR(10) NOT NULL DEFAULT 'DONE';
