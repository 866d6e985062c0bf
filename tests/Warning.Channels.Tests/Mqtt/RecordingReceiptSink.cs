using System.Collections.Concurrent;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;
using Warning.Peers.Recording;

namespace Warning.Channels.Tests.Mqtt;

/// <summary>Keeps every receipt the gateway hands over.</summary>
internal sealed class RecordingReceiptSink : IProviderReceiptSink
{
    private readonly ConcurrentQueue<ProviderReceipt> _receipts = new();

    public ChangeSignal Arrived { get; } = new();

    public IReadOnlyCollection<ProviderReceipt> Receipts => _receipts;

    public ValueTask RecordAsync(IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken)
    {
        foreach (var receipt in receipts)
        {
            _receipts.Enqueue(receipt);
        }
        Arrived.Pulse();
        return ValueTask.CompletedTask;
    }
}
