-- Warning threads while they are drafted, reviewed and released: one row per thread with the whole sign-off
-- state as a JSON snapshot (versions as CAP XML, states, history). `revision` is the optimistic lock that
-- keeps two nodes (or two approvers) from overwriting each other's step.
CREATE TABLE warning_workflows (
    thread_id TEXT PRIMARY KEY, department_id TEXT NOT NULL, state TEXT NOT NULL, status TEXT NOT NULL,
    level INTEGER, event_code TEXT, headline TEXT, pending_state TEXT, revision BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, snapshot TEXT NOT NULL);
CREATE INDEX ix_warning_workflows_updated ON warning_workflows (updated_at_ms);
