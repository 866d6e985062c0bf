using System.Collections.Concurrent;

namespace Warning.Engine.Dispatch;

/// <summary>The single-process <see cref="IVersionCurrency"/>: a set of retired versions.</summary>
public sealed class InProcessVersionCurrency : IVersionCurrency
{
    private readonly ConcurrentDictionary<string, byte> _retired = new(StringComparer.Ordinal);

    public bool IsCurrent(string versionId) => !_retired.ContainsKey(versionId);

    public void Retire(string versionId) => _retired.TryAdd(versionId, 0);
}
