-- A technician's decision is recorded with its claim, before it is sent to the engine, so a
-- decision whose answer was lost keeps its approver and is delivered again rather than released.
ALTER TABLE approval_task ADD COLUMN approved BOOLEAN;
UPDATE approval_task SET approved = TRUE WHERE state = 'APPROVED';
UPDATE approval_task SET approved = FALSE WHERE state = 'REJECTED';
