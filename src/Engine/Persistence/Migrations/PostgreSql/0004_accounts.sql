-- Console accounts (issue 7): local users with a password hash (ASP.NET Core Identity's PBKDF2 format) and a
-- lockout counter; API keys for machine clients, stored only as a SHA-256 hash of the key; and the
-- Idempotency-Key records of API create and publish calls (the key, a hash of the request, the stored answer).
-- Roles are the IssuerRoles flags as an integer; scopes a space-separated list.
CREATE TABLE accounts (
    user_id TEXT PRIMARY KEY, display_name TEXT NOT NULL, department_id TEXT NOT NULL, roles INTEGER NOT NULL,
    password_hash TEXT NOT NULL, failed_count INTEGER NOT NULL, locked_until_ms BIGINT, created_at_ms BIGINT NOT NULL,
    disabled INTEGER NOT NULL);
CREATE TABLE api_keys (
    key_id TEXT PRIMARY KEY, name TEXT NOT NULL, department_id TEXT NOT NULL, scopes TEXT NOT NULL,
    key_hash TEXT NOT NULL, created_by TEXT NOT NULL, created_at_ms BIGINT NOT NULL, revoked_at_ms BIGINT);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);
CREATE TABLE idempotency_keys (
    scope_key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, status_code INTEGER NOT NULL, response TEXT,
    created_at_ms BIGINT NOT NULL);
