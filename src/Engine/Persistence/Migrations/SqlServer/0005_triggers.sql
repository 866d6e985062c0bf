-- Monitoring rules (issue 8): per station or area and measure, thresholds per level ("Blue=50;Orange=100"),
-- hysteresis, sustained and rate windows in seconds, the warning it raises (event type, areas space-separated,
-- description template, department) and its mode (DraftForSignOff / PublishDirectly with the approver who
-- pre-authorised it). trigger_states holds where each rule stands: level (WarningLevel as an integer), the open
-- thread it updates instead of opening another, and the recent readings its conditions look back over (JSON).
CREATE TABLE trigger_rules (
    id NVARCHAR(100) PRIMARY KEY, name NVARCHAR(200) NOT NULL, department_id NVARCHAR(100) NOT NULL, station_id NVARCHAR(100),
    area_code NVARCHAR(20), measure NVARCHAR(100) NOT NULL, basis NVARCHAR(20) NOT NULL, thresholds NVARCHAR(400) NOT NULL,
    hysteresis FLOAT NOT NULL, sustained_s BIGINT NOT NULL, rate_window_s BIGINT NOT NULL, event_type NVARCHAR(20) NOT NULL,
    area_codes NVARCHAR(MAX) NOT NULL, description_template NVARCHAR(MAX) NOT NULL, instruction NVARCHAR(MAX),
    expires_after_s BIGINT NOT NULL, mode NVARCHAR(40) NOT NULL, authorised_by NVARCHAR(100), enabled INT NOT NULL,
    updated_by NVARCHAR(100) NOT NULL, updated_at_ms BIGINT NOT NULL);
CREATE TABLE trigger_states (
    rule_id NVARCHAR(100) PRIMARY KEY, level INT, thread_id NVARCHAR(100), samples NVARCHAR(MAX) NOT NULL,
    updated_at_ms BIGINT NOT NULL);
