namespace Warning.Engine.Dispatch;

/// <summary>
/// What a shard's dispatch did, counted per recipient. <see cref="Targeted"/> = <see cref="AlreadyServed"/> +
/// <see cref="UnknownSkipped"/> + <see cref="NoAddress"/> + <see cref="RateLimited"/> + <see cref="Superseded"/> +
/// the adapter outcomes (<see cref="Sent"/>, <see cref="Delivered"/>, <see cref="Rejected"/>, <see cref="Failed"/>,
/// <see cref="Unknown"/>), so nobody is unaccounted for.
/// </summary>
public sealed record DispatchSummary
{
    public required string VersionId { get; init; }

    public required string Channel { get; init; }

    public int Targeted { get; init; }

    /// <summary>Confirmed by an earlier run of this shard: not sent again.</summary>
    public int AlreadyServed { get; init; }

    /// <summary>Claimed by an earlier run that died before confirming, and resent under the Unknown policy.</summary>
    public int UnknownResent { get; init; }

    /// <summary>Claimed by an earlier run that died before confirming, and skipped under the Unknown policy.</summary>
    public int UnknownSkipped { get; init; }

    public int NoAddress { get; init; }

    public int RateLimited { get; init; }

    public int Superseded { get; init; }

    public int Sent { get; init; }

    public int Delivered { get; init; }

    public int Rejected { get; init; }

    public int Failed { get; init; }

    /// <summary>The provider did not answer in time: maybe sent, maybe not.</summary>
    public int Unknown { get; init; }

    /// <summary>
    /// Recipients this channel could not serve (failed, rejected, no address) that were handed to its fallback
    /// channel; they are also counted above, and the fallback's own outcomes are reported under its channel.
    /// </summary>
    public int FellBack { get; init; }

    /// <summary>When the first adapter call of this shard started; null when none was needed.</summary>
    public DateTimeOffset? FirstSendAt { get; init; }

    public DateTimeOffset CompletedAt { get; init; }
}
