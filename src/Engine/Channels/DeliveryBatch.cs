namespace Warning.Engine.Channels;

/// <summary>One adapter call: the content and at most <see cref="ChannelCapabilities.MaxBatchSize"/> recipients.</summary>
public sealed record DeliveryBatch(DeliveryContent Content, IReadOnlyList<DeliveryRecipient> Recipients);
