-- Times are Unix milliseconds (UTC) in every dialect: one comparison and bucketing rule for all three
-- stores, and the cheapest value for the bulk paths. Hot tables (deliveries, receipts) carry no foreign
-- keys: the bulk writer must not pay a lookup per row, and shards only write versions that exist.
CREATE TABLE departments (id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_id TEXT, jurisdiction TEXT);
CREATE TABLE users (id TEXT PRIMARY KEY, department_id TEXT REFERENCES departments (id), name TEXT NOT NULL, role TEXT);
CREATE TABLE warning_threads (
    id TEXT PRIMARY KEY, state TEXT NOT NULL, event_code TEXT, created_at_ms INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL);
CREATE TABLE warning_versions (
    id TEXT PRIMARY KEY, thread_id TEXT NOT NULL REFERENCES warning_threads (id), msg_type TEXT NOT NULL,
    status TEXT NOT NULL, level INTEGER, sender TEXT NOT NULL, sent_at_ms INTEGER NOT NULL,
    published_at_ms INTEGER, original_xml TEXT NOT NULL);
CREATE INDEX ix_warning_versions_thread ON warning_versions (thread_id);
CREATE TABLE areas (
    code TEXT PRIMARY KEY, parent_code TEXT, name TEXT NOT NULL, level INTEGER NOT NULL,
    geometry_format TEXT, geometry TEXT);
CREATE TABLE recipient_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT);
CREATE TABLE people (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT, wechat_openid TEXT, language TEXT,
    home_area_code TEXT, location TEXT, roles TEXT, deputy_id TEXT);
CREATE TABLE person_groups (person_id TEXT NOT NULL, group_id TEXT NOT NULL, PRIMARY KEY (person_id, group_id));
CREATE TABLE devices (id TEXT PRIMARY KEY, kind TEXT NOT NULL, area_code TEXT, location TEXT, capabilities TEXT);
-- Deliveries: the hottest write path. Its rows carry small integer keys instead of the text ids (version,
-- recipient, channel), each text id kept once in a registry table below: a narrower row and primary key,
-- integer comparisons, and keys handed out in registration order (the directory's order), so that a
-- fan-out appends at the right edge of the primary key instead of inserting all over it.
-- The primary key is its only index. "What did this person receive" probes it once per version (versions
-- are few, recipients millions). Provider receipts (DLRs) are not written into the delivery row: they are
-- stored by provider message id and applied when deliveries are read (delivery_view), so a receipt may
-- arrive before or after its submit, and the submit path maintains no message-id index.
CREATE TABLE delivery_versions (version_key INTEGER PRIMARY KEY, version_id TEXT NOT NULL UNIQUE);
CREATE TABLE delivery_recipients (recipient_key INTEGER PRIMARY KEY, recipient_id TEXT NOT NULL UNIQUE);
CREATE TABLE delivery_channels (channel_key INTEGER PRIMARY KEY, channel TEXT NOT NULL UNIQUE);
CREATE TABLE deliveries (
    version_key INTEGER NOT NULL, recipient_key INTEGER NOT NULL, channel_key INTEGER NOT NULL, state INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL, claimed_at_ms INTEGER, submitted_at_ms INTEGER, completed_at_ms INTEGER,
    area_code TEXT, provider_message_id TEXT, detail TEXT,
    PRIMARY KEY (version_key, recipient_key, channel_key)) WITHOUT ROWID;
CREATE TABLE delivery_attempts (
    version_id TEXT NOT NULL, recipient_id TEXT NOT NULL, channel TEXT NOT NULL, attempt INTEGER NOT NULL,
    at_ms INTEGER NOT NULL, outcome TEXT NOT NULL, detail TEXT, PRIMARY KEY (version_id, recipient_id, channel, attempt));
-- Receipts as the provider sent them, kept for audit, and the first receipt (earliest received) of each
-- provider message, which is what counts: it applies to its delivery when deliveries are read (see below).
CREATE TABLE provider_receipts (
    id INTEGER PRIMARY KEY, channel_key INTEGER NOT NULL, provider_message_id TEXT NOT NULL, state INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL, raw TEXT);
CREATE INDEX ix_provider_receipts_received ON provider_receipts (received_at_ms);
CREATE TABLE first_receipts (
    channel_key INTEGER NOT NULL, provider_message_id TEXT NOT NULL, state INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL, PRIMARY KEY (channel_key, provider_message_id)) WITHOUT ROWID;
-- The deliveries as audit queries and people read them: text ids from the registries (LEFT JOINs match like
-- inner joins, every key being registered, and let the planner skip a registry a query does not read), and
-- each delivery's first receipt applied under the forward-only rule: a receipt moves a delivery that is not
-- final yet, or one whose final state came later than the receipt; otherwise the delivery's own state stands.
CREATE VIEW delivery_view AS
SELECT d.version_key, d.recipient_key, d.channel_key, v.version_id, r.recipient_id, c.channel, d.area_code,
       CASE WHEN p.state IS NOT NULL AND (d.state < 3 OR p.received_at_ms < d.completed_at_ms) THEN p.state ELSE d.state END AS state,
       d.provider_message_id, d.created_at_ms, d.claimed_at_ms, d.submitted_at_ms,
       CASE WHEN p.state IS NOT NULL AND (d.state < 3 OR p.received_at_ms < d.completed_at_ms) THEN p.received_at_ms ELSE d.completed_at_ms END AS completed_at_ms,
       d.detail
FROM deliveries d
LEFT JOIN delivery_versions v ON v.version_key = d.version_key
LEFT JOIN delivery_recipients r ON r.recipient_key = d.recipient_key
LEFT JOIN delivery_channels c ON c.channel_key = d.channel_key
LEFT JOIN first_receipts p ON p.channel_key = d.channel_key AND p.provider_message_id = d.provider_message_id;
CREATE TABLE acknowledgements (
    version_id TEXT NOT NULL, person_id TEXT NOT NULL, channel TEXT NOT NULL, acknowledged_at_ms INTEGER NOT NULL,
    detail TEXT, PRIMARY KEY (version_id, person_id));
CREATE TABLE action_log (
    id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
    details TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
