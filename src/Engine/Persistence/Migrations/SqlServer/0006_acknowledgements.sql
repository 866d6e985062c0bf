-- 叫应 (issue 8): one request per responsible official and version, its escalation step and answer; and every
-- message sent for it. Addresses are kept only as SHA-256 hashes (enough to match an SMS reply); a link's token
-- names the message it was sent in. States: 0 pending, 1 answered, 2 unanswered, 3 closed; steps: 0 initial,
-- 1 second channel, 2 deputy, 3 supervisor.
CREATE TABLE ack_requests (
    request_id NVARCHAR(40) PRIMARY KEY, thread_id NVARCHAR(200) NOT NULL, version_id NVARCHAR(200) NOT NULL, area_code NVARCHAR(12) NOT NULL,
    person_id NVARCHAR(100) NOT NULL, code NVARCHAR(8) NOT NULL, headline NVARCHAR(400) NOT NULL, drill INT NOT NULL,
    created_at_ms BIGINT NOT NULL, step INT NOT NULL, state INT NOT NULL, due_at_ms BIGINT NOT NULL,
    answered_by NVARCHAR(100), answer_channel NVARCHAR(32), answered_at_ms BIGINT);
CREATE INDEX ix_ack_requests_version ON ack_requests (version_id, area_code);
CREATE INDEX ix_ack_requests_thread ON ack_requests (thread_id, state);
CREATE INDEX ix_ack_requests_state ON ack_requests (state);
CREATE TABLE ack_contacts (
    contact_id NVARCHAR(40) PRIMARY KEY, request_id NVARCHAR(40) NOT NULL, person_id NVARCHAR(100) NOT NULL, channel NVARCHAR(32) NOT NULL,
    address_hash CHAR(64) NOT NULL, step INT NOT NULL, at_ms BIGINT NOT NULL, status NVARCHAR(32) NOT NULL, token NVARCHAR(64),
    detail NVARCHAR(400));
CREATE INDEX ix_ack_contacts_request ON ack_contacts (request_id);
CREATE INDEX ix_ack_contacts_address ON ack_contacts (channel, address_hash);
CREATE UNIQUE INDEX ux_ack_contacts_token ON ack_contacts (token) WHERE token IS NOT NULL;
