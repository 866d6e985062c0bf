-- Warning threads while they are drafted, reviewed and released: one row per thread with the whole sign-off
-- state as a JSON snapshot (versions as CAP XML, states, history). `revision` is the optimistic lock that
-- keeps two nodes (or two approvers) from overwriting each other's step.
CREATE TABLE warning_workflows (
    thread_id NVARCHAR(200) PRIMARY KEY, department_id NVARCHAR(100) NOT NULL, state NVARCHAR(32) NOT NULL, status NVARCHAR(32) NOT NULL,
    level INT, event_code NVARCHAR(32), headline NVARCHAR(400), pending_state NVARCHAR(32), revision BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, snapshot NVARCHAR(MAX) NOT NULL);
CREATE INDEX ix_warning_workflows_updated ON warning_workflows (updated_at_ms);
