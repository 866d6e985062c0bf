-- Console accounts (issue 7): local users with a password hash (ASP.NET Core Identity's PBKDF2 format) and a
-- lockout counter; API keys for machine clients, stored only as a SHA-256 hash of the key; and the
-- Idempotency-Key records of API create and publish calls (the key, a hash of the request, the stored answer).
-- Roles are the IssuerRoles flags as an integer; scopes a space-separated list.
CREATE TABLE accounts (
    user_id NVARCHAR(100) PRIMARY KEY, display_name NVARCHAR(200) NOT NULL, department_id NVARCHAR(100) NOT NULL, roles INT NOT NULL,
    password_hash NVARCHAR(400) NOT NULL, failed_count INT NOT NULL, locked_until_ms BIGINT, created_at_ms BIGINT NOT NULL,
    disabled INT NOT NULL);
CREATE TABLE api_keys (
    key_id NVARCHAR(100) PRIMARY KEY, name NVARCHAR(200) NOT NULL, department_id NVARCHAR(100) NOT NULL, scopes NVARCHAR(400) NOT NULL,
    key_hash NVARCHAR(100) NOT NULL, created_by NVARCHAR(100) NOT NULL, created_at_ms BIGINT NOT NULL, revoked_at_ms BIGINT);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);
CREATE TABLE idempotency_keys (
    scope_key NVARCHAR(450) PRIMARY KEY, request_hash NVARCHAR(100) NOT NULL, status_code INT NOT NULL, response NVARCHAR(MAX),
    created_at_ms BIGINT NOT NULL);
