namespace Warning.Engine.Persistence;

/// <summary>
/// Console accounts, API keys and Idempotency-Key records (issue 7). The store keeps only hashes: a password
/// hash made by the host's hasher, and the SHA-256 of each API key.
/// </summary>
public interface IAccountStore
{
    Task<AccountRecord?> GetAccountAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Adds an account; false when the user id is taken (nothing changes).</summary>
    Task<bool> TryAddAccountAsync(AccountRecord account, CancellationToken cancellationToken);

    /// <summary>Stores the outcome of a sign-in attempt: the failure count and the lockout end (null: not locked).</summary>
    Task SetSignInStateAsync(string userId, int failedCount, DateTimeOffset? lockedUntil, CancellationToken cancellationToken);

    Task SetPasswordHashAsync(string userId, string passwordHash, CancellationToken cancellationToken);

    Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The unrevoked key with this SHA-256 hash, or null.</summary>
    Task<ApiKeyRecord?> FindApiKeyAsync(string keyHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken);

    Task RevokeApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves <paramref name="scopeKey"/> for a request with <paramref name="requestHash"/>. Returns null when this
    /// call reserved it (the caller runs the request, then <see cref="CompleteIdempotencyAsync"/>), else the record
    /// already there: the same request's stored answer, a different request's hash, or one still running (status 0).
    /// </summary>
    Task<IdempotencyRecord?> TryReserveIdempotencyAsync(string scopeKey, string requestHash, DateTimeOffset at,
        CancellationToken cancellationToken);

    Task CompleteIdempotencyAsync(string scopeKey, int statusCode, string? response, CancellationToken cancellationToken);

    /// <summary>Frees a reservation whose request failed before it changed anything, so the client may retry.</summary>
    Task ReleaseIdempotencyAsync(string scopeKey, CancellationToken cancellationToken);
}

/// <summary>A console user. <see cref="Roles"/> holds the IssuerRoles flags.</summary>
public sealed record AccountRecord(
    string UserId,
    string DisplayName,
    string DepartmentId,
    int Roles,
    string PasswordHash,
    int FailedCount,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    bool Disabled = false);

/// <summary>A machine client's key: only its SHA-256 hash is kept; scopes separated by spaces.</summary>
public sealed record ApiKeyRecord(
    string KeyId,
    string Name,
    string DepartmentId,
    string Scopes,
    string KeyHash,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null);

/// <summary>What an Idempotency-Key stands for: the request it was first used with and the answer given (status 0: running).</summary>
public sealed record IdempotencyRecord(string ScopeKey, string RequestHash, int StatusCode, string? Response, DateTimeOffset CreatedAt);
