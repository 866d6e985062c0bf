-- 叫应 (issue 8): one request per responsible official and version, its escalation step and answer; and every
-- message sent for it. Addresses are kept only as SHA-256 hashes (enough to match an SMS reply); a link's token
-- names the message it was sent in. States: 0 pending, 1 answered, 2 unanswered, 3 closed; steps: 0 initial,
-- 1 second channel, 2 deputy, 3 supervisor.
CREATE TABLE ack_requests (
    request_id TEXT COLLATE "C" PRIMARY KEY, thread_id TEXT NOT NULL, version_id TEXT NOT NULL, area_code TEXT NOT NULL,
    person_id TEXT NOT NULL, code TEXT NOT NULL, headline TEXT NOT NULL, drill INTEGER NOT NULL,
    created_at_ms BIGINT NOT NULL, step INTEGER NOT NULL, state INTEGER NOT NULL, due_at_ms BIGINT NOT NULL,
    answered_by TEXT, answer_channel TEXT, answered_at_ms BIGINT);
CREATE INDEX ix_ack_requests_version ON ack_requests (version_id, area_code);
CREATE INDEX ix_ack_requests_thread ON ack_requests (thread_id, state);
CREATE INDEX ix_ack_requests_state ON ack_requests (state);
CREATE TABLE ack_contacts (
    contact_id TEXT COLLATE "C" PRIMARY KEY, request_id TEXT NOT NULL, person_id TEXT NOT NULL, channel TEXT NOT NULL,
    address_hash TEXT NOT NULL, step INTEGER NOT NULL, at_ms BIGINT NOT NULL, status TEXT NOT NULL, token TEXT,
    detail TEXT);
CREATE INDEX ix_ack_contacts_request ON ack_contacts (request_id);
CREATE INDEX ix_ack_contacts_address ON ack_contacts (channel, address_hash);
CREATE UNIQUE INDEX ux_ack_contacts_token ON ack_contacts (token) WHERE token IS NOT NULL;
