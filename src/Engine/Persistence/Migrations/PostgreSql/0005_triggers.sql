-- Monitoring rules (issue 8): per station or area and measure, thresholds per level ("Blue=50;Orange=100"),
-- hysteresis, sustained and rate windows in seconds, the warning it raises (event type, areas space-separated,
-- description template, department) and its mode (DraftForSignOff / PublishDirectly with the approver who
-- pre-authorised it). trigger_states holds where each rule stands: level (WarningLevel as an integer), the open
-- thread it updates instead of opening another, and the recent readings its conditions look back over (JSON).
CREATE TABLE trigger_rules (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, department_id TEXT NOT NULL, station_id TEXT, area_code TEXT,
    measure TEXT NOT NULL, basis TEXT NOT NULL, thresholds TEXT NOT NULL, hysteresis DOUBLE PRECISION NOT NULL,
    sustained_s BIGINT NOT NULL, rate_window_s BIGINT NOT NULL, event_type TEXT NOT NULL, area_codes TEXT NOT NULL,
    description_template TEXT NOT NULL, instruction TEXT, expires_after_s BIGINT NOT NULL, mode TEXT NOT NULL,
    authorised_by TEXT, enabled INTEGER NOT NULL, updated_by TEXT NOT NULL, updated_at_ms BIGINT NOT NULL);
CREATE TABLE trigger_states (
    rule_id TEXT PRIMARY KEY, level INTEGER, thread_id TEXT, samples TEXT NOT NULL, updated_at_ms BIGINT NOT NULL);
