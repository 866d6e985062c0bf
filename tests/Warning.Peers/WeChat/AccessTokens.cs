using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Warning.Peers.WeChat;

/// <summary>
/// Tokens as the platforms issue them: one current token per account, the same one again until it expires
/// (stable_token and gettoken behave so within validity), a new one on force_refresh. An expired token stays known
/// so that a call with it is answered 42001 (expired) rather than 40001/40014 (never issued).
/// </summary>
internal sealed class AccessTokens(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Issued> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _current = new(StringComparer.Ordinal);

    /// <summary>The account's token and its seconds left.</summary>
    public (string Token, int ExpiresIn) Current(string account, TimeSpan lifetime, bool forceRefresh = false)
    {
        var now = timeProvider.GetUtcNow();
        lock (_current)
        {
            if (!forceRefresh && _current.TryGetValue(account, out var token) && _issued[token].ExpiresAt > now)
            {
                return (token, (int)Math.Ceiling((_issued[token].ExpiresAt - now).TotalSeconds));
            }
            // Real tokens are long opaque strings (the docs say keep 512 characters for them); ours say whose they are.
            token = $"peers_{account}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";
            _issued[token] = new Issued(account, now + lifetime);
            _current[account] = token;
            return (token, (int)lifetime.TotalSeconds);
        }
    }

    public TokenCheck Check(string account, string? token)
    {
        if (token is null || !_issued.TryGetValue(token, out var issued) || issued.Account != account)
        {
            return TokenCheck.Unknown;
        }
        return issued.ExpiresAt > timeProvider.GetUtcNow() ? TokenCheck.Valid : TokenCheck.Expired;
    }

    private sealed record Issued(string Account, DateTimeOffset ExpiresAt);
}

internal enum TokenCheck
{
    Unknown,
    Expired,
    Valid,
}
