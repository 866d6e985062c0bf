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
        int sends = 0, duplicates = 0;
        for (var i = 0; i < results.Length; i++)
        {
            var recipient = batch.Recipients[i].Recipient;
            if (tooLong || Draw(options.RejectRate))
            {
                results[i] = DeliveryResult.Rejected(recipient, tooLong ? $"text longer than {options.MaxTextLength}" : "sandbox: rejected by configuration");
            }
            else if (Draw(options.TransientFailureRate))
            {
                results[i] = DeliveryResult.Transient(recipient, "sandbox: transient failure");
            }
            else
            {
                sends++;
                duplicates += tally.Mark(recipient) ? 0 : 1;
                results[i] = DeliveryResult.Sent(recipient);
            }
        }
        tally.Count(sends, duplicates);
        return results;
    }

#pragma warning disable CA5394 // Simulated provider behaviour, not security.
    private static bool Draw(double rate) => rate > 0 && Random.Shared.NextDouble() < rate;
#pragma warning restore CA5394
}
