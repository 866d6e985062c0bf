using Warning.Engine.Channels;

namespace Warning.Channels.Sandbox;

/// <summary>
/// A channel that sends nothing and records everything: the embedded profile's channel, and the one benchmarks and
/// engine tests measure the pipeline with. Failure draws are random per call, like a real provider's.
/// </summary>
public sealed class SandboxChannelAdapter(SandboxChannelOptions options, SandboxRecorder recorder, TimeProvider timeProvider)
    : IChannelAdapter
{
    public string Name => options.Name;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxBatchSize = options.MaxBatchSize,
        MaxTextLength = options.MaxTextLength,
        SupportsDeliveryReceipts = false,
    };

    public async ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        var results = new DeliveryResult[batch.Recipients.Count];
        var tooLong = batch.Content.Text.Length > options.MaxTextLength;
        var tally = recorder.For(batch.Content.VersionId, Name);
        for (var i = 0; i < results.Length; i++)
        {
            var recipient = batch.Recipients[i].Recipient;
            results[i] = tooLong ? DeliveryResult.Rejected(recipient, $"text longer than {options.MaxTextLength}")
                : Draw(options.RejectRate) ? DeliveryResult.Rejected(recipient, "sandbox: rejected by configuration")
                : Draw(options.TransientFailureRate) ? DeliveryResult.Transient(recipient, "sandbox: transient failure")
                : Record(tally, recipient);
        }
        return results;
    }

    private static DeliveryResult Record(SandboxTally tally, int recipient)
    {
        tally.Record(recipient);
        return DeliveryResult.Sent(recipient);
    }

#pragma warning disable CA5394 // Simulated provider behaviour, not security.
    private static bool Draw(double rate) => rate > 0 && Random.Shared.NextDouble() < rate;
#pragma warning restore CA5394
}
