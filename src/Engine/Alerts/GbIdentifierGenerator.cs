namespace Warning.Engine.Alerts;

/// <summary>
/// Issues GB/T 35965.1 identifiers that are unique per sender: within one second it counts N = 0..9;
/// the eleventh identifier in a second borrows the next second (the standard has no room for N = 10).
/// A clock that steps back never yields an identifier already issued. Thread-safe.
/// </summary>
public sealed class GbIdentifierGenerator(TimeProvider timeProvider)
{
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    private readonly Dictionary<string, GbIdentifier> _lastBySender = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public GbIdentifier Next(string senderCode)
    {
        ArgumentNullException.ThrowIfNull(senderCode);
        var now = GbIdentifier.Create(senderCode, _timeProvider.GetUtcNow(), 0);
        lock (_gate)
        {
            var next = now;
            if (_lastBySender.TryGetValue(senderCode, out var last) && last.BeijingTime >= now.BeijingTime)
            {
                next = last.Sequence < 9
                    ? last with { Sequence = last.Sequence + 1 }
                    : last with { BeijingTime = last.BeijingTime.AddSeconds(1), Sequence = 0 };
            }
            _lastBySender[senderCode] = next;
            return next;
        }
    }
}
