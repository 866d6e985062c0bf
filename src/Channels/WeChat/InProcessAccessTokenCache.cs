using System.Collections.Concurrent;

namespace Warning.Channels.WeChat;

/// <summary>Tokens held in this process: the embedded profile's cache, single-flight per account.</summary>
public sealed class InProcessAccessTokenCache(TimeProvider timeProvider) : IAccessTokenCache
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public async ValueTask<string> GetAsync(string account, AccessTokenFetcher fetch, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(account, static _ => new Slot());
        if (slot.Current is { } cached && cached.ExpiresAt > timeProvider.GetUtcNow())
        {
            return cached.Value;
        }
        return await FetchOnceAsync(slot, rejected: null, fetch, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<string> RefreshAsync(string account, string rejected, AccessTokenFetcher fetch, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(account, static _ => new Slot());
        return await FetchOnceAsync(slot, rejected, fetch, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<string> FetchOnceAsync(Slot slot, string? rejected, AccessTokenFetcher fetch, CancellationToken cancellationToken)
    {
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever held the gate before us may have fetched already: use theirs unless it is the refused one.
            if (slot.Current is { } cached && cached.ExpiresAt > timeProvider.GetUtcNow() && cached.Value != rejected)
            {
                return cached.Value;
            }
            var token = await fetch(rejected is not null, cancellationToken).ConfigureAwait(false);
            slot.Current = new Cached(token.Value, timeProvider.GetUtcNow() + token.CacheLifetime);
            return token.Value;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private sealed record Cached(string Value, DateTimeOffset ExpiresAt);

    private sealed class Slot
    {
        private Cached? _current;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Cached? Current
        {
            get => Volatile.Read(ref _current);
            set => Volatile.Write(ref _current, value);
        }
    }
}
