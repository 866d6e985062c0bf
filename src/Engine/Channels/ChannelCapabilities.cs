namespace Warning.Engine.Channels;

/// <summary>What a channel adapter declares about itself. Extend with init properties with safe defaults.</summary>
public sealed record ChannelCapabilities
{
    /// <summary>Most recipients in one <see cref="IChannelAdapter.SendAsync"/> call. Default: 1.</summary>
    public int MaxBatchSize { get; init; } = 1;

    /// <summary>Longest text the channel carries in one message, in characters. Default: 70 (one UCS-2 SMS).</summary>
    public int MaxTextLength { get; init; } = 70;

    /// <summary>Whether the provider reports final delivery later (DLRs). Default: false.</summary>
    public bool SupportsDeliveryReceipts { get; init; }

    /// <summary>Whether the channel itself targets an area (cell broadcast, a broadcast platform). Default: false.</summary>
    public bool SupportsAreaTargeting { get; init; }
}
