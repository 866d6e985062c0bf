using System.Data.Common;
using Dapper;

namespace Warning.Engine.Persistence;

public abstract partial class AuditStore : IAccountStore
{
    private const string AccountColumns =
        "user_id AS UserId, display_name AS DisplayName, department_id AS DepartmentId, roles AS Roles, " +
        "password_hash AS PasswordHash, failed_count AS FailedCount, locked_until_ms AS LockedUntilMs, " +
        "created_at_ms AS CreatedAtMs, disabled AS Disabled";

    private const string ApiKeyColumns =
        "key_id AS KeyId, name AS Name, department_id AS DepartmentId, scopes AS Scopes, key_hash AS KeyHash, " +
        "created_by AS CreatedBy, created_at_ms AS CreatedAtMs, revoked_at_ms AS RevokedAtMs";

    public async Task<AccountRecord?> GetAccountAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var rows = await QueryAsync<AccountRow>($"SELECT {AccountColumns} FROM accounts WHERE user_id = @userId",
            new { userId }, cancellationToken).ConfigureAwait(false);
        return rows.FirstOrDefault()?.ToRecord();
    }

    public async Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken) =>
        [.. (await QueryAsync<AccountRow>($"SELECT {AccountColumns} FROM accounts ORDER BY user_id", null, cancellationToken)
            .ConfigureAwait(false)).Select(r => r.ToRecord())];

    public async Task<bool> TryAddAccountAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return await TryInsertAsync(
            "INSERT INTO accounts (user_id, display_name, department_id, roles, password_hash, failed_count, locked_until_ms, " +
            "created_at_ms, disabled) VALUES (@UserId, @DisplayName, @DepartmentId, @Roles, @PasswordHash, @FailedCount, " +
            "@LockedUntilMs, @CreatedAtMs, @Disabled)",
            new
            {
                account.UserId,
                account.DisplayName,
                account.DepartmentId,
                account.Roles,
                account.PasswordHash,
                account.FailedCount,
                LockedUntilMs = account.LockedUntil?.ToUnixTimeMilliseconds(),
                CreatedAtMs = account.CreatedAt.ToUnixTimeMilliseconds(),
                Disabled = account.Disabled ? 1 : 0,
            },
            "SELECT COUNT(*) FROM accounts WHERE user_id = @UserId", cancellationToken).ConfigureAwait(false);
    }

    public Task SetSignInStateAsync(string userId, int failedCount, DateTimeOffset? lockedUntil, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE accounts SET failed_count = @failedCount, locked_until_ms = @lockedUntilMs WHERE user_id = @userId",
            new { userId, failedCount, lockedUntilMs = lockedUntil?.ToUnixTimeMilliseconds() }, cancellationToken);

    public Task SetPasswordHashAsync(string userId, string passwordHash, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE accounts SET password_hash = @passwordHash WHERE user_id = @userId",
            new { userId, passwordHash }, cancellationToken);

    public Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ExecuteAsync(
            "INSERT INTO api_keys (key_id, name, department_id, scopes, key_hash, created_by, created_at_ms, revoked_at_ms) " +
            "VALUES (@KeyId, @Name, @DepartmentId, @Scopes, @KeyHash, @CreatedBy, @CreatedAtMs, NULL)",
            new { key.KeyId, key.Name, key.DepartmentId, key.Scopes, key.KeyHash, key.CreatedBy, CreatedAtMs = key.CreatedAt.ToUnixTimeMilliseconds() },
            cancellationToken);
    }

    public async Task<ApiKeyRecord?> FindApiKeyAsync(string keyHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyHash);
        var rows = await QueryAsync<ApiKeyRow>(
            $"SELECT {ApiKeyColumns} FROM api_keys WHERE key_hash = @keyHash AND revoked_at_ms IS NULL", new { keyHash }, cancellationToken)
            .ConfigureAwait(false);
        return rows.FirstOrDefault()?.ToRecord();
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken) =>
        [.. (await QueryAsync<ApiKeyRow>($"SELECT {ApiKeyColumns} FROM api_keys ORDER BY created_at_ms, key_id", null, cancellationToken)
            .ConfigureAwait(false)).Select(r => r.ToRecord())];

    public Task RevokeApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE api_keys SET revoked_at_ms = @atMs WHERE key_id = @keyId AND revoked_at_ms IS NULL",
            new { keyId, atMs = at.ToUnixTimeMilliseconds() }, cancellationToken);

    public async Task<IdempotencyRecord?> TryReserveIdempotencyAsync(string scopeKey, string requestHash, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopeKey);
        ArgumentNullException.ThrowIfNull(requestHash);
        var reserved = await TryInsertAsync(
            "INSERT INTO idempotency_keys (scope_key, request_hash, status_code, response, created_at_ms) " +
            "VALUES (@scopeKey, @requestHash, 0, NULL, @atMs)",
            new { scopeKey, requestHash, atMs = at.ToUnixTimeMilliseconds() },
            "SELECT COUNT(*) FROM idempotency_keys WHERE scope_key = @scopeKey", cancellationToken).ConfigureAwait(false);
        if (reserved)
        {
            return null;
        }
        var rows = await QueryAsync<IdempotencyRow>(
            "SELECT scope_key AS ScopeKey, request_hash AS RequestHash, status_code AS StatusCode, response AS Response, " +
            "created_at_ms AS CreatedAtMs FROM idempotency_keys WHERE scope_key = @scopeKey", new { scopeKey }, cancellationToken)
            .ConfigureAwait(false);
        var row = rows.First();
        return new IdempotencyRecord(row.ScopeKey, row.RequestHash, row.StatusCode, row.Response,
            DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs));
    }

    public Task CompleteIdempotencyAsync(string scopeKey, int statusCode, string? response, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE idempotency_keys SET status_code = @statusCode, response = @response WHERE scope_key = @scopeKey",
            new { scopeKey, statusCode, response }, cancellationToken);

    public Task ReleaseIdempotencyAsync(string scopeKey, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM idempotency_keys WHERE scope_key = @scopeKey AND status_code = 0", new { scopeKey }, cancellationToken);

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return (await connection.QueryAsync<T>(Command(sql, parameters, null, cancellationToken)).ConfigureAwait(false)).ToList();
        }
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(Command(sql, parameters, null, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts a row; false, with nothing written, when its key exists (a duplicate is a lost race, not an error).</summary>
    private async Task<bool> TryInsertAsync(string insertSql, object parameters, string existsSql, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.ExecuteAsync(Command(insertSql, parameters, null, cancellationToken)).ConfigureAwait(false);
                return true;
            }
            catch (DbException)
            {
                var count = await connection.ExecuteScalarAsync<long>(Command(existsSql, parameters, null, cancellationToken))
                    .ConfigureAwait(false);
                if (count > 0)
                {
                    return false;
                }
                throw;
            }
        }
    }

    private sealed class AccountRow
    {
        public string UserId { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string DepartmentId { get; set; } = "";
        public int Roles { get; set; }
        public string PasswordHash { get; set; } = "";
        public int FailedCount { get; set; }
        public long? LockedUntilMs { get; set; }
        public long CreatedAtMs { get; set; }
        public int Disabled { get; set; }

        public AccountRecord ToRecord() => new(UserId, DisplayName, DepartmentId, Roles, PasswordHash, FailedCount,
            LockedUntilMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs), Disabled != 0);
    }

    private sealed class ApiKeyRow
    {
        public string KeyId { get; set; } = "";
        public string Name { get; set; } = "";
        public string DepartmentId { get; set; } = "";
        public string Scopes { get; set; } = "";
        public string KeyHash { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedAtMs { get; set; }
        public long? RevokedAtMs { get; set; }

        public ApiKeyRecord ToRecord() => new(KeyId, Name, DepartmentId, Scopes, KeyHash, CreatedBy,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs),
            RevokedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }

    private sealed class IdempotencyRow
    {
        public string ScopeKey { get; set; } = "";
        public string RequestHash { get; set; } = "";
        public int StatusCode { get; set; }
        public string? Response { get; set; }
        public long CreatedAtMs { get; set; }
    }
}
