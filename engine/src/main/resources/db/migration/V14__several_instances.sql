-- Several Closeloop instances on one database and one Camunda 8 cluster.

-- ShedLock's leases: a task that must run in one instance at a time (sweeps, reconcilers,
-- the correlation leader) runs only while its instance holds the row named for it.
CREATE TABLE shedlock (
    name        VARCHAR(64)   NOT NULL PRIMARY KEY,
    lock_until  DATETIME(3)   NOT NULL,
    locked_at   DATETIME(3)   NOT NULL,
    locked_by   VARCHAR(255)  NOT NULL
);

-- The embedded engine's lease: one instance's embedded engine per database. holder is the
-- instance (closeloop.instance.id), incarnation the engine it runs now; a lease not renewed
-- by expires_at is free.
CREATE TABLE embedded_engine_lease (
    name         VARCHAR(64)   NOT NULL PRIMARY KEY,
    holder       VARCHAR(200)  NOT NULL,
    incarnation  VARCHAR(80)   NOT NULL,
    expires_at   DATETIME(6)   NOT NULL
);

-- A start taken by one instance's dispatcher: not due for the others until its claim ends
-- (due_at), then free again, e.g. when that instance died while sending it.
ALTER TABLE process_start ADD COLUMN claimed_by VARCHAR(200) NULL;

-- Which engine holds the record's process, job or action: an embedded engine's incarnation
-- (embedded:<id>), or the cluster. When an embedded engine starts empty, only what an earlier
-- embedded incarnation held is lost; rows from before this column are taken as embedded.
ALTER TABLE alert ADD COLUMN engine_incarnation VARCHAR(80) NULL;
ALTER TABLE approval_task ADD COLUMN engine_incarnation VARCHAR(80) NULL;
ALTER TABLE side_effect ADD COLUMN engine_incarnation VARCHAR(80) NULL;
