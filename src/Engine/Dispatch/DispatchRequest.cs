using Warning.Engine.Audience;
using Warning.Engine.Channels;

namespace Warning.Engine.Dispatch;

/// <summary>
/// One shard of one version on one channel: these recipients get this content. A version's fan-out is one
/// request per channel and shard; shards are the durable unit that a job runner can retry.
/// </summary>
public sealed record DispatchRequest(
    DeliveryContent Content,
    string Channel,
    ReadOnlyMemory<int> Recipients,
    IRecipientAddressBook AddressBook,
    TimeSpan TimeToLive)
{
    /// <summary>Orange and Red are urgent; they pass routine work at every queue and bucket.</summary>
    public DispatchPriority Priority => Content.Level >= Alerts.WarningLevel.Orange ? DispatchPriority.Urgent : DispatchPriority.Routine;

    /// <summary>
    /// The channels this request falls back from, first the original one (empty for an original request). A fallback
    /// request never resends recipients another run claimed and has not confirmed: they may be in flight there.
    /// </summary>
    public IReadOnlyList<string> FallbackChain { get; init; } = [];

    public LedgerScope Scope => new(Content.ThreadId, Content.VersionId, Channel);
}
