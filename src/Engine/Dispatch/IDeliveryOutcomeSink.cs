using Warning.Engine.Channels;

namespace Warning.Engine.Dispatch;

/// <summary>
/// Where the pipeline reports what happened to each recipient, one batch at a time (the audit store's bulk
/// writer in a host; a counter in benchmarks). Called on sender loops: keep it fast, apply back-pressure by awaiting.
/// </summary>
public interface IDeliveryOutcomeSink
{
    ValueTask RecordAsync(DeliveryContent content, string channel, IReadOnlyList<DeliveryResult> results,
        CancellationToken cancellationToken);
}

/// <summary>A sink that keeps nothing, for callers that only need the summary.</summary>
public sealed class NullDeliveryOutcomeSink : IDeliveryOutcomeSink
{
    public static NullDeliveryOutcomeSink Instance { get; } = new();

    public ValueTask RecordAsync(DeliveryContent content, string channel, IReadOnlyList<DeliveryResult> results,
        CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
