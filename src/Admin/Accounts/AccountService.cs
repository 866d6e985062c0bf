using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Admin.Accounts;

/// <summary>
/// Local accounts: passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2), a
/// lockout after repeated failures, and API keys of which only a SHA-256 hash is stored.
/// </summary>
public sealed class AccountService(IAccountStore store, IDepartmentDirectory departments, TimeProvider timeProvider,
    IOptions<ConsoleOptions> options)
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly PasswordHasher<AccountRecord> _hasher = new();

    public IAccountStore Store => store;

    public async Task<(SignInOutcome Outcome, AccountRecord? Account)> CheckPasswordAsync(string userId, string password,
        CancellationToken cancellationToken)
    {
        var account = await store.GetAccountAsync(userId.Trim(), cancellationToken);
        if (account is null)
        {
            // Same work as a real check, so timing does not tell which user ids exist.
            _hasher.VerifyHashedPassword(DummyAccount, DummyHash, password);
            return (SignInOutcome.WrongCredentials, null);
        }
        var now = timeProvider.GetUtcNow();
        if (account.Disabled)
        {
            return (SignInOutcome.Disabled, null);
        }
        if (account.LockedUntil is { } until && until > now)
        {
            return (SignInOutcome.LockedOut, null);
        }
        var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            var failed = account.FailedCount + 1;
            var settings = options.Value;
            if (failed >= settings.LockoutThreshold)
            {
                await store.SetSignInStateAsync(account.UserId, 0, now.AddMinutes(settings.LockoutMinutes), cancellationToken);
                return (SignInOutcome.LockedOut, null);
            }
            await store.SetSignInStateAsync(account.UserId, failed, null, cancellationToken);
            return (SignInOutcome.WrongCredentials, null);
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SetPasswordHashAsync(account.UserId, _hasher.HashPassword(account, password), cancellationToken);
        }
        if (account.FailedCount != 0 || account.LockedUntil is not null)
        {
            await store.SetSignInStateAsync(account.UserId, 0, null, cancellationToken);
        }
        return (SignInOutcome.Success, account);
    }

    public async Task<AccountRecord> CreateAccountAsync(string userId, string displayName, string departmentId, IssuerRoles roles,
        string password, CancellationToken cancellationToken)
    {
        if (departments.Find(departmentId) is null)
        {
            throw new ArgumentException($"部门 {departmentId} 未登记。", nameof(departmentId));
        }
        var account = new AccountRecord(userId, displayName, departmentId, (int)roles, "", 0, null, timeProvider.GetUtcNow());
        account = account with { PasswordHash = _hasher.HashPassword(account, password) };
        if (!await store.TryAddAccountAsync(account, cancellationToken))
        {
            throw new InvalidOperationException($"用户名 {userId} 已存在。");
        }
        return account;
    }

    /// <summary>Sets a new password and lifts any lockout (an administrator's reset).</summary>
    public async Task ResetPasswordAsync(string userId, string password, CancellationToken cancellationToken)
    {
        var account = await store.GetAccountAsync(userId, cancellationToken)
            ?? throw new ArgumentException($"用户 {userId} 不存在。", nameof(userId));
        await store.SetPasswordHashAsync(account.UserId, _hasher.HashPassword(account, password), cancellationToken);
        await store.SetSignInStateAsync(account.UserId, 0, null, cancellationToken);
    }

    /// <summary>Creates a key and returns it once in clear; only its hash is kept.</summary>
    public async Task<(ApiKeyRecord Record, string Key)> CreateApiKeyAsync(string name, string departmentId,
        IEnumerable<string> scopes, string createdBy, CancellationToken cancellationToken)
    {
        var keyId = RandomNumberGenerator.GetHexString(8, lowercase: true);
        var key = $"wk_{keyId}_{RandomNumberGenerator.GetString(PasswordAlphabet, 32)}";
        var record = new ApiKeyRecord(keyId, name, departmentId, string.Join(' ', ApiScopes.Parse(string.Join(' ', scopes))),
            HashKey(key), createdBy, timeProvider.GetUtcNow());
        await store.AddApiKeyAsync(record, cancellationToken);
        return (record, key);
    }

    public Task<ApiKeyRecord?> FindApiKeyAsync(string key, CancellationToken cancellationToken) =>
        store.FindApiKeyAsync(HashKey(key), cancellationToken);

    public static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 16);

    public static string HashKey(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private static readonly AccountRecord DummyAccount = new("-", "-", "-", 0, "", 0, null, DateTimeOffset.UnixEpoch);
    private static readonly string DummyHash = new PasswordHasher<AccountRecord>().HashPassword(DummyAccount, "not-a-password");
}

public enum SignInOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
    Disabled,
}
