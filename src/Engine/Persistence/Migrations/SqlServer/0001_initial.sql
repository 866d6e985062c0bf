-- Times are Unix milliseconds (UTC) in every dialect: one comparison and bucketing rule for all three
-- stores, and the cheapest value for the bulk paths. Hot tables (deliveries, receipts) carry no foreign
-- keys: the bulk writer must not pay a lookup per row, and shards only write versions that exist.
CREATE TABLE departments (id NVARCHAR(100) PRIMARY KEY, name NVARCHAR(200) NOT NULL, parent_id NVARCHAR(100), jurisdiction NVARCHAR(MAX));
CREATE TABLE users (id NVARCHAR(100) PRIMARY KEY, department_id NVARCHAR(100) REFERENCES departments (id), name NVARCHAR(200) NOT NULL, role NVARCHAR(100));
CREATE TABLE warning_threads (
    id NVARCHAR(200) PRIMARY KEY, state NVARCHAR(32) NOT NULL, event_code NVARCHAR(32), created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL);
CREATE TABLE warning_versions (
    id NVARCHAR(200) PRIMARY KEY, thread_id NVARCHAR(200) NOT NULL REFERENCES warning_threads (id), msg_type NVARCHAR(32) NOT NULL,
    status NVARCHAR(32) NOT NULL, level INT, sender NVARCHAR(200) NOT NULL, sent_at_ms BIGINT NOT NULL,
    published_at_ms BIGINT, original_xml NVARCHAR(MAX) NOT NULL);
CREATE INDEX ix_warning_versions_thread ON warning_versions (thread_id);
CREATE TABLE areas (
    code NVARCHAR(32) PRIMARY KEY, parent_code NVARCHAR(32), name NVARCHAR(200) NOT NULL, level INT NOT NULL,
    geometry_format NVARCHAR(16), geometry NVARCHAR(MAX));
CREATE TABLE recipient_groups (id NVARCHAR(100) PRIMARY KEY, name NVARCHAR(200) NOT NULL, kind NVARCHAR(100));
CREATE TABLE people (
    id NVARCHAR(100) PRIMARY KEY, name NVARCHAR(200) NOT NULL, phone NVARCHAR(32), wechat_openid NVARCHAR(100), language NVARCHAR(16),
    home_area_code NVARCHAR(32), location NVARCHAR(MAX), roles NVARCHAR(400), deputy_id NVARCHAR(100));
CREATE TABLE person_groups (person_id NVARCHAR(100) NOT NULL, group_id NVARCHAR(100) NOT NULL, PRIMARY KEY (person_id, group_id));
CREATE TABLE devices (id NVARCHAR(100) PRIMARY KEY, kind NVARCHAR(32) NOT NULL, area_code NVARCHAR(32), location NVARCHAR(MAX), capabilities NVARCHAR(MAX));
CREATE TABLE deliveries (
    version_id NVARCHAR(200) NOT NULL, recipient_id NVARCHAR(100) NOT NULL, channel NVARCHAR(32) NOT NULL, area_code NVARCHAR(32),
    state INT NOT NULL, provider_message_id NVARCHAR(100), created_at_ms BIGINT NOT NULL, claimed_at_ms BIGINT,
    submitted_at_ms BIGINT, completed_at_ms BIGINT, detail NVARCHAR(400),
    PRIMARY KEY (version_id, recipient_id, channel));
CREATE INDEX ix_deliveries_provider_message ON deliveries (channel, provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX ix_deliveries_recipient ON deliveries (recipient_id);
CREATE TABLE delivery_attempts (
    version_id NVARCHAR(200) NOT NULL, recipient_id NVARCHAR(100) NOT NULL, channel NVARCHAR(32) NOT NULL, attempt INT NOT NULL,
    at_ms BIGINT NOT NULL, outcome NVARCHAR(32) NOT NULL, detail NVARCHAR(400), PRIMARY KEY (version_id, recipient_id, channel, attempt));
CREATE TABLE provider_receipts (
    id BIGINT IDENTITY PRIMARY KEY, channel NVARCHAR(32) NOT NULL, provider_message_id NVARCHAR(100) NOT NULL, state INT NOT NULL,
    received_at_ms BIGINT NOT NULL, raw NVARCHAR(MAX), matched_at_ms BIGINT);
CREATE INDEX ix_provider_receipts_unmatched ON provider_receipts (channel, provider_message_id) WHERE matched_at_ms IS NULL;
CREATE INDEX ix_provider_receipts_received ON provider_receipts (received_at_ms);
CREATE TABLE acknowledgements (
    version_id NVARCHAR(200) NOT NULL, person_id NVARCHAR(100) NOT NULL, channel NVARCHAR(32) NOT NULL, acknowledged_at_ms BIGINT NOT NULL,
    detail NVARCHAR(400), PRIMARY KEY (version_id, person_id));
CREATE TABLE action_log (
    id BIGINT PRIMARY KEY, at_ms BIGINT NOT NULL, actor NVARCHAR(200) NOT NULL, action NVARCHAR(64) NOT NULL, target NVARCHAR(400) NOT NULL,
    details NVARCHAR(MAX), prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL);
