using System.Collections.Concurrent;
using Polly.CircuitBreaker;
using Warning.Channels.Smpp;
using Warning.Channels.Tests.Support;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using Warning.Engine.Resilience;

namespace Warning.Channels.Tests.Smpp;

/// <summary>
/// Issue 6, done-when: "with the SMSC stopped for 30 s in the middle of a 10,000-message send, the circuit opens,
/// retry happens as configured, and afterwards every message is delivered exactly once". The whole engine path —
/// FanOutDispatcher with its circuit breaker and retries, our SMPP adapter — against the real SMSC peer
/// (node-smpp's server with tests/peers/smsc/smsc.js), stopped by SIGTERM for 30 s and started again on its port.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SmscOutageTests : IAsyncDisposable
{
    private const int Messages = 10_000;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private readonly List<SmscPeer> _peers = [];
    private readonly ConcurrentQueue<CircuitChange> _transitions = new();
    private SmppChannelAdapter? _adapter;
    private FanOutDispatcher? _dispatcher;

    [Fact]
    public async Task DispatchAsync_SmscStoppedFor30SecondsMidSend_CircuitOpensAndEveryMessageArrivesExactlyOnce()
    {
        var first = await SmscPeer.StartAsync();
        _peers.Add(first);
        _adapter = SmppTestAdapters.Create(first.Port, configure: o =>
        {
            o.MaxBatchSize = 100;
            o.RequestDeliveryReceipts = false;
            o.ResponseTimeout = TimeSpan.FromSeconds(5);
            o.ReconnectDelay = TimeSpan.FromMilliseconds(200);
            o.MaxReconnectDelay = TimeSpan.FromSeconds(2);
        });
        var options = new DispatchOptions
        {
            SendersPerChannel = 4,
            MaxAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
            MaxCircuitWait = TimeSpan.FromMinutes(3),
            Circuit = new CircuitSettings
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(2),
                BreakDuration = TimeSpan.FromSeconds(2),
            },
        };
        _dispatcher = new FanOutDispatcher(new ChannelAdapterRegistry([_adapter]), new InProcessDeliveryLedger(TimeProvider.System),
            new InProcessRateLimiter(TimeProvider.System), new InProcessVersionCurrency(), NullDeliveryOutcomeSink.Instance, options,
            TimeProvider.System);
        _dispatcher.CircuitChanged += (_, change) => _transitions.Enqueue(change);
        var content = new DeliveryContent("thread-outage", "version-outage", MessageType.Alert, AlertStatus.Actual, WarningLevel.Red,
            "【青岚区应急管理局】暴雨红色预警：请立即停止户外活动，危险地带人员立即转移。", null);
        var request = new DispatchRequest(content, ChannelNames.Sms, Enumerable.Range(0, Messages).ToArray(), new NumberedPhones(),
            TimeSpan.FromHours(1));

        var dispatch = _dispatcher.DispatchAsync(request, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => first.Count("message") >= 2_000 || dispatch.IsCompleted, TimeSpan.FromSeconds(60));
        Assert.False(dispatch.IsCompleted, "the send finished before the SMSC could be stopped mid-way");
        await first.StopAsync();
        var stoppedAt = TimeProvider.System.GetUtcNow();
        await Task.Delay(Outage, TestContext.Current.CancellationToken);
        Assert.False(dispatch.IsCompleted, "the dispatcher gave up during the outage instead of waiting for the circuit");
        var second = await SmscPeer.StartAsync(first.Port);
        _peers.Add(second);
        var summary = await dispatch.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);

        Assert.Equal((Messages, 0, 0, 0), (summary.Sent, summary.Failed, summary.Unknown, summary.Rejected));
        var received = first.Events("message").Concat(second.Events("message")).Select(e => (string)e["dest"]!).ToList();
        Assert.Equal(Messages, received.Distinct().Count());
        Assert.Empty(received.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key)); // no duplicate
        Assert.Equal(Messages, received.Count);
        Assert.InRange(first.Events("message").Count, 2_000, Messages - 1);
        Assert.NotEmpty(second.Events("message"));

        var transitions = _transitions.ToArray();
        var opened = Assert.Single(transitions.Take(1));
        Assert.Equal(CircuitState.Open, opened.State);
        Assert.True(opened.At >= stoppedAt, "the circuit opened before the SMSC stopped");
        Assert.Contains(transitions, t => t.State == CircuitState.HalfOpen);
        Assert.Equal(CircuitState.Closed, transitions[^1].State);
        Assert.True(transitions[^1].At >= stoppedAt + Outage, "the circuit closed while the SMSC was still stopped");
    }

    public async ValueTask DisposeAsync()
    {
        if (_dispatcher is not null)
        {
            await _dispatcher.DisposeAsync();
        }
        if (_adapter is not null)
        {
            await _adapter.DisposeAsync();
        }
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!condition() && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Recipient i has the phone number 139 0000 0000 + i.</summary>
    private sealed class NumberedPhones : IRecipientAddressBook
    {
        public bool TryGetAddress(int recipient, string channel, out string address)
        {
            address = (13_900_000_000L + recipient).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
    }
}
