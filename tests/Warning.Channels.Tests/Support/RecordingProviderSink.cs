using System.Collections.Concurrent;
using Warning.Engine.Channels;
using Warning.Engine.Persistence;

namespace Warning.Channels.Tests.Support;

/// <summary>Keeps what an adapter reports outside its send calls: receipts and inbound replies.</summary>
internal sealed class RecordingProviderSink : IProviderReceiptSink, IInboundMessageSink
{
    private readonly ConcurrentQueue<ProviderReceipt> _receipts = new();
    private readonly ConcurrentQueue<InboundMessage> _inbound = new();

    public IReadOnlyCollection<ProviderReceipt> Receipts => _receipts;

    public IReadOnlyCollection<InboundMessage> Inbound => _inbound;

    /// <summary>Makes the next calls throw, as a store that is down would.</summary>
    public bool Fail { get; set; }

    public ValueTask RecordAsync(IReadOnlyList<ProviderReceipt> receipts, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        foreach (var receipt in receipts)
        {
            _receipts.Enqueue(receipt);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask RecordAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        _inbound.Enqueue(message);
        return ValueTask.CompletedTask;
    }

    /// <summary>Polls until <paramref name="done"/> holds; fails the test after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> done, string what, int seconds = 20)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!done())
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private void ThrowIfFailing()
    {
        if (Fail)
        {
            throw new InvalidOperationException("sink down (test)");
        }
    }
}
