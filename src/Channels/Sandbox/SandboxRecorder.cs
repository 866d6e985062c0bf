using System.Collections.Concurrent;

namespace Warning.Channels.Sandbox;

/// <summary>
/// Everything the sandbox channels "sent": per version and channel, which recipients got it and how many got it
/// more than once. Lock-free: one bit per recipient, set with Interlocked.Or, so recording costs nanoseconds and
/// a benchmark can count duplicates and misses at millions of deliveries per second.
/// </summary>
public sealed class SandboxRecorder
{
    private readonly ConcurrentDictionary<(string VersionId, string Channel), SandboxTally> _tallies = new();

    /// <summary>The tally of one version on one channel (empty when nothing was sent).</summary>
    public SandboxTally For(string versionId, string channel) => _tallies.GetOrAdd((versionId, channel), _ => new SandboxTally());

    public long TotalSends => _tallies.Values.Sum(t => t.Sends);
}

/// <summary>Recipients reached for one version on one channel, with duplicates counted.</summary>
public sealed class SandboxTally
{
    private const int SegmentBits = 1 << 16;
    private readonly ulong[]?[] _segments = new ulong[]?[(int.MaxValue / SegmentBits) + 1];
    private long _sends;
    private long _duplicates;

    public long Sends => Interlocked.Read(ref _sends);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Distinct => Sends - Duplicates;

    /// <summary>Records one send; returns false when the recipient already had this version on this channel.</summary>
    public bool Record(int recipient)
    {
        var first = Mark(recipient);
        Count(1, first ? 0 : 1);
        return first;
    }

    /// <summary>
    /// Sets the recipient's bit without touching the shared counters; callers add a whole batch with
    /// <see cref="Count"/>, so concurrent senders do not fight over two counters once per recipient.
    /// </summary>
    internal bool Mark(int recipient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recipient);
        var segment = _segments[recipient / SegmentBits] ?? CreateSegment(recipient / SegmentBits);
        var bit = recipient % SegmentBits;
        var mask = 1UL << (bit & 63);
        return (Interlocked.Or(ref segment[bit >> 6], mask) & mask) == 0;
    }

    internal void Count(int sends, int duplicates)
    {
        Interlocked.Add(ref _sends, sends);
        if (duplicates > 0)
        {
            Interlocked.Add(ref _duplicates, duplicates);
        }
    }

    public bool Received(int recipient)
    {
        var segment = _segments[recipient / SegmentBits];
        var bit = recipient % SegmentBits;
        return segment is not null && (Volatile.Read(ref segment[bit >> 6]) & (1UL << (bit & 63))) != 0;
    }

    private ulong[] CreateSegment(int index)
    {
        Interlocked.CompareExchange(ref _segments[index], new ulong[SegmentBits / 64], null);
        return _segments[index]!;
    }
}
