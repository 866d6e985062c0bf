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
-- Deliveries: the hottest write path. Its rows carry small integer keys instead of the text ids (version,
-- recipient, channel), each text id kept once in a registry table below: a narrower row and primary key,
-- integer comparisons, and keys handed out in registration order (the directory's order), so that a
-- fan-out appends at the right edge of the primary key instead of inserting all over it.
-- The primary key is its only index. "What did this person receive" probes it once per version (versions
-- are few, recipients millions). Provider receipts (DLRs) are not written into the delivery row: they are
-- stored by provider message id and applied when deliveries are read (delivery_view), so a receipt may
-- arrive before or after its submit, and the submit path maintains no message-id index.
CREATE TABLE delivery_versions (version_key INT IDENTITY PRIMARY KEY, version_id NVARCHAR(200) NOT NULL UNIQUE);
CREATE TABLE delivery_recipients (recipient_key INT IDENTITY PRIMARY KEY, recipient_id NVARCHAR(100) NOT NULL UNIQUE);
CREATE TABLE delivery_channels (channel_key SMALLINT IDENTITY PRIMARY KEY, channel NVARCHAR(32) NOT NULL UNIQUE);
CREATE TABLE deliveries (
    version_key INT NOT NULL, recipient_key INT NOT NULL, channel_key SMALLINT NOT NULL, state SMALLINT NOT NULL,
    created_at_ms BIGINT NOT NULL, claimed_at_ms BIGINT, submitted_at_ms BIGINT, completed_at_ms BIGINT,
    area_code NVARCHAR(32), provider_message_id NVARCHAR(100), detail NVARCHAR(400),
    PRIMARY KEY (version_key, recipient_key, channel_key));
CREATE TABLE delivery_attempts (
    version_id NVARCHAR(200) NOT NULL, recipient_id NVARCHAR(100) NOT NULL, channel NVARCHAR(32) NOT NULL, attempt INT NOT NULL,
    at_ms BIGINT NOT NULL, outcome NVARCHAR(32) NOT NULL, detail NVARCHAR(400), PRIMARY KEY (version_id, recipient_id, channel, attempt));
-- Receipts as the provider sent them, kept for audit, and the first receipt (earliest received) of each
-- provider message, which is what counts: it applies to its delivery when deliveries are read (see below).
CREATE TABLE provider_receipts (
    id BIGINT IDENTITY PRIMARY KEY, channel_key SMALLINT NOT NULL, provider_message_id NVARCHAR(100) NOT NULL, state SMALLINT NOT NULL,
    received_at_ms BIGINT NOT NULL, raw NVARCHAR(MAX));
CREATE INDEX ix_provider_receipts_received ON provider_receipts (received_at_ms);
CREATE TABLE first_receipts (
    channel_key SMALLINT NOT NULL, provider_message_id NVARCHAR(100) NOT NULL, state SMALLINT NOT NULL,
    received_at_ms BIGINT NOT NULL, PRIMARY KEY (channel_key, provider_message_id));
-- The deliveries as audit queries and people read them: text ids from the registries (LEFT JOINs match like
-- inner joins, every key being registered, and let the planner skip a registry a query does not read), and
-- each delivery's first receipt applied under the forward-only rule: a receipt moves a delivery that is not
-- final yet, or one whose final state came later than the receipt; otherwise the delivery's own state stands.
-- Through EXEC: CREATE VIEW must start a batch of its own, and the migration runs as one batch.
EXEC('CREATE VIEW delivery_view AS
SELECT d.version_key, d.recipient_key, d.channel_key, v.version_id, r.recipient_id, c.channel, d.area_code,
       CASE WHEN p.state IS NOT NULL AND (d.state < 3 OR p.received_at_ms < d.completed_at_ms) THEN p.state ELSE d.state END AS state,
       d.provider_message_id, d.created_at_ms, d.claimed_at_ms, d.submitted_at_ms,
       CASE WHEN p.state IS NOT NULL AND (d.state < 3 OR p.received_at_ms < d.completed_at_ms) THEN p.received_at_ms ELSE d.completed_at_ms END AS completed_at_ms,
       d.detail
FROM deliveries d
LEFT JOIN delivery_versions v ON v.version_key = d.version_key
LEFT JOIN delivery_recipients r ON r.recipient_key = d.recipient_key
LEFT JOIN delivery_channels c ON c.channel_key = d.channel_key
LEFT JOIN first_receipts p ON p.channel_key = d.channel_key AND p.provider_message_id = d.provider_message_id');
CREATE TABLE acknowledgements (
    version_id NVARCHAR(200) NOT NULL, person_id NVARCHAR(100) NOT NULL, channel NVARCHAR(32) NOT NULL, acknowledged_at_ms BIGINT NOT NULL,
    detail NVARCHAR(400), PRIMARY KEY (version_id, person_id));
CREATE TABLE action_log (
    id BIGINT PRIMARY KEY, at_ms BIGINT NOT NULL, actor NVARCHAR(200) NOT NULL, action NVARCHAR(64) NOT NULL, target NVARCHAR(400) NOT NULL,
    details NVARCHAR(MAX), prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL);
