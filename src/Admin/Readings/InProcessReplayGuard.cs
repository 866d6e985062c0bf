using System.Collections.Concurrent;

namespace Warning.Admin.Readings;

/// <summary>One node's memory of used signatures (the embedded profile); several nodes share <see cref="RedisReplayGuard"/>.</summary>
public sealed class InProcessReplayGuard(TimeProvider timeProvider) : IReplayGuard
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _adds;

    public ValueTask<bool> TryFirstUseAsync(string signature, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (Interlocked.Increment(ref _adds) % SweepEvery == 0)
        {
            foreach (var (key, until) in _seen)
            {
                if (until <= now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }
        var first = true;
        _seen.AddOrUpdate(signature, now + lifetime, (_, until) =>
        {
            if (until > now)
            {
                first = false;
                return until;
            }
            return now + lifetime;
        });
        return ValueTask.FromResult(first);
    }
}
