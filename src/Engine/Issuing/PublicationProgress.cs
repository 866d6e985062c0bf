using System.Collections.Concurrent;
using Warning.Engine.Channels;

namespace Warning.Engine.Issuing;

/// <summary>
/// Live counts of one version's fan-out, per channel: what the console's progress bars show while it runs.
/// Updated from sender loops, read by pages; counters only, no locks on the hot path.
/// </summary>
public sealed class PublicationProgress(string threadId, string versionId, DateTimeOffset startedAt)
{
    private readonly ConcurrentDictionary<string, ChannelProgress> _channels = new(StringComparer.OrdinalIgnoreCase);
    private int _state = (int)PublicationState.Planning;

    public string ThreadId { get; } = threadId;

    public string VersionId { get; } = versionId;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset? CompletedAt { get; private set; }

    public PublicationState State => (PublicationState)Volatile.Read(ref _state);

    /// <summary>Channels the policy chose that this host has no adapter for: their recipients were not sent to.</summary>
    public IReadOnlyList<string> UnavailableChannels { get; internal set; } = [];

    /// <summary>Why the fan-out stopped early, when it did.</summary>
    public string? Error { get; private set; }

    public IReadOnlyCollection<ChannelProgress> Channels => _channels.Values.OrderBy(c => c.Channel, StringComparer.Ordinal).ToList();

    public ChannelProgress Channel(string channel) => _channels.GetOrAdd(channel, c => new ChannelProgress(c));

    /// <summary>Released ahead of its effective time: the schedule starts the fan-out then.</summary>
    internal void Scheduled() => Volatile.Write(ref _state, (int)PublicationState.Scheduled);

    internal void Running() => Volatile.Write(ref _state, (int)PublicationState.Running);

    internal void Complete(DateTimeOffset at)
    {
        CompletedAt = at;
        Volatile.Write(ref _state, (int)PublicationState.Completed);
    }

    internal void Fail(DateTimeOffset at, string error)
    {
        Error = error;
        CompletedAt = at;
        Volatile.Write(ref _state, (int)PublicationState.Failed);
    }
}

public enum PublicationState
{
    Planning,
    Running,
    Completed,
    Failed,
    Scheduled,
}

/// <summary>One channel's counts. <see cref="Done"/> reaches <see cref="Targeted"/> when every recipient has an outcome.</summary>
public sealed class ChannelProgress(string channel)
{
    private long _targeted;
    private long _sent;
    private long _delivered;
    private long _failed;
    private long _skipped;
    private long _unknown;
    private long _noAddress;
    private long _rateLimited;
    private long _alreadyServed;

    public string Channel { get; } = channel;

    public long Targeted => Interlocked.Read(ref _targeted);

    /// <summary>Handed to the provider (including those later confirmed delivered).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Rejected or failed for good.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Not attempted: superseded, limited, without an address, or served by an earlier run.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>The provider did not answer: maybe sent.</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    public long Done => Sent + Failed + Skipped + Unknown;

    /// <summary>Of <see cref="Skipped"/>: recipients without an address on this channel (known once their shard ends).</summary>
    public long NoAddress => Interlocked.Read(ref _noAddress);

    /// <summary>Of <see cref="Skipped"/>: held back by a per-person or per-device limit.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Of <see cref="Skipped"/>: already served by an earlier run of the same shard.</summary>
    public long AlreadyServed => Interlocked.Read(ref _alreadyServed);

    internal void AddTargeted(long count) => Interlocked.Add(ref _targeted, count);

    /// <summary>Adds what a finished shard skipped before any adapter call (those never pass the outcome sink).</summary>
    internal void AddShard(Dispatch.DispatchSummary summary)
    {
        Interlocked.Add(ref _noAddress, summary.NoAddress);
        Interlocked.Add(ref _rateLimited, summary.RateLimited);
        Interlocked.Add(ref _alreadyServed, summary.AlreadyServed); // skipped Unknowns reach the sink as Unknown outcomes
    }

    /// <summary>
    /// Once every shard has ended, every recipient has an outcome (the dispatcher's summary accounts for each), so
    /// whatever is not sent, failed or unknown was skipped: this closes the gap left by skips that never reach the sink.
    /// </summary>
    internal void Settle() => Interlocked.Exchange(ref _skipped, Math.Max(0, Targeted - Sent - Failed - Unknown));

    internal void Count(IReadOnlyList<DeliveryResult> results)
    {
        long sent = 0, delivered = 0, failed = 0, skipped = 0, unknown = 0;
        foreach (var result in results)
        {
            switch (result.Status)
            {
                case DeliveryStatus.Delivered:
                    delivered++;
                    sent++;
                    break;
                case DeliveryStatus.Sent:
                    sent++;
                    break;
                case DeliveryStatus.Skipped:
                    skipped++;
                    break;
                case DeliveryStatus.Unknown:
                    unknown++;
                    break;
                default:
                    failed++;
                    break;
            }
        }
        Interlocked.Add(ref _sent, sent);
        Interlocked.Add(ref _delivered, delivered);
        Interlocked.Add(ref _failed, failed);
        Interlocked.Add(ref _skipped, skipped);
        Interlocked.Add(ref _unknown, unknown);
    }
}
