using System.Collections.Concurrent;
using Polly.CircuitBreaker;
using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using Warning.Engine.Resilience;
using static Warning.Engine.Tests.Dispatch.DispatchRequests;

namespace Warning.Engine.Tests.Dispatch;

/// <summary>Issue 6: the channel's circuit breaker, waiting out an outage, resending Unknowns, fallback chains and throttle pauses.</summary>
public sealed class FanOutDispatcherResilienceTests : IAsyncDisposable
{
    private readonly SwitchableAdapter _sms = new("sms");
    private readonly RecordingAdapter _wechat = new("wechat");
    private readonly InProcessDeliveryLedger _ledger = new(TimeProvider.System);
    private readonly ConcurrentQueue<CircuitState> _transitions = new();
    private readonly DispatchOptions _options = new()
    {
        SendersPerChannel = 2,
        MaxAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        Circuit = new CircuitSettings { MinimumThroughput = 2, SamplingDuration = TimeSpan.FromSeconds(1), BreakDuration = TimeSpan.FromMilliseconds(500) },
    };
    private FanOutDispatcher? _sut;

    [Fact]
    public async Task DispatchAsync_ChannelDownForAWhile_CircuitOpensThenClosesAndEveryoneGetsItOnce()
    {
        _sms.Down = true;
        var sut = CreateSut();
        var dispatch = sut.DispatchAsync(SmsRequest(WarningLevel.Red, 1_000), TestContext.Current.CancellationToken);

        // Down long enough for the circuit to open and a probe to fail: far more than MaxAttempts could wait out.
        await WaitUntil(() => _transitions.Count(s => s == CircuitState.HalfOpen) >= 2);
        _sms.Down = false;
        var summary = await dispatch;

        Assert.Equal((1_000, 0, 0), (summary.Sent, summary.Failed, summary.Unknown));
        Assert.All(Enumerable.Range(0, 1_000), r => Assert.Equal(1, _sms.Accepted(r)));
        var states = _transitions.ToArray();
        Assert.Equal(CircuitState.Open, states[0]);
        Assert.Equal([CircuitState.HalfOpen, CircuitState.Closed], states[^2..]);
        Assert.Equal(CircuitState.Closed, sut.CircuitStateOf("sms"));
    }

    [Theory]
    [InlineData(WarningLevel.Red, 0)]
    [InlineData(WarningLevel.Blue, 10)]
    public async Task DispatchAsync_ConnectionLostMidSend_UnknownsFollowTheResendPolicy(WarningLevel level, int unknown)
    {
        // The first answer for recipients 0–9 is "no answer" (the provider did not get them); later sends succeed.
        _sms.Answer = (r, attempt) => r < 10 && attempt == 1 ? DeliveryResult.Unknown(r, "connection lost") : DeliveryResult.Sent(r);

        var summary = await CreateSut().DispatchAsync(SmsRequest(level, 100), TestContext.Current.CancellationToken);

        Assert.Equal((100 - unknown, unknown), (summary.Sent, summary.Unknown));
        Assert.Equal(100 + 10 - unknown, _sms.Calls);
    }

    [Fact]
    public async Task DispatchAsync_ChannelStaysDown_RecipientsFallBackToTheNextChannelOnce()
    {
        _sms.Down = true;
        _options.MaxCircuitWait = TimeSpan.FromMilliseconds(1_200);
        _options.Fallbacks["sms"] = "wechat";
        _options.Fallbacks["wechat"] = "sms"; // a cycle: the chain never re-enters sms

        var request = SmsRequest(WarningLevel.Orange, 500);
        request = request with
        {
            Content = request.Content with { TextByChannel = new Dictionary<string, string> { ["sms"] = "暴雨预警", ["wechat"] = "暴雨橙色预警：全文" } },
        };

        var summary = await CreateSut().DispatchAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal((500, 500, 0), (summary.Failed, summary.FellBack, summary.Sent));
        Assert.Equal(500, _wechat.TotalSends);
        Assert.All(Enumerable.Range(0, 500), r => Assert.Equal(1, _wechat.SendsTo(r)));
        Assert.All(_wechat.Calls, c => Assert.Equal("暴雨橙色预警：全文", c.Content.Text));
    }

    [Fact]
    public async Task DispatchAsync_NoFallbackConfigured_FailedRecipientsStayFailed()
    {
        _sms.Down = true;
        _options.MaxCircuitWait = TimeSpan.FromMilliseconds(700);

        var summary = await CreateSut().DispatchAsync(SmsRequest(WarningLevel.Orange, 50), TestContext.Current.CancellationToken);

        Assert.Equal((50, 0), (summary.Failed, summary.FellBack));
        Assert.Equal(0, _wechat.TotalSends);
    }

    [Fact]
    public async Task DispatchAsync_ProviderThrottles_EverySenderOfTheChannelPauses()
    {
        var pause = TimeSpan.FromMilliseconds(400);
        _options.SendersPerChannel = 4;
        DateTimeOffset? throttledAt = null;
        _sms.Answer = (r, attempt) =>
        {
            if (r != 0 || attempt != 1)
            {
                return DeliveryResult.Sent(r);
            }
            throttledAt = TimeProvider.System.GetUtcNow();
            return DeliveryResult.Throttled(r, "0x58", pause);
        };
        _sms.BatchSize = 10;

        var summary = await CreateSut().DispatchAsync(SmsRequest(WarningLevel.Yellow, 200), TestContext.Current.CancellationToken);

        Assert.Equal(200, summary.Sent);
        Assert.NotNull(throttledAt);
        // Calls already in flight when the answer came may finish; no call may start inside the pause.
        var startedInPause = _sms.CallStarts.Where(t => t > throttledAt.Value.AddMilliseconds(50) && t < throttledAt.Value + pause).ToArray();
        Assert.Empty(startedInPause);
        Assert.Contains(_sms.CallStarts, t => t >= throttledAt.Value + pause);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sut is not null)
        {
            await _sut.DisposeAsync();
        }
    }

    private FanOutDispatcher CreateSut()
    {
        _sut = new FanOutDispatcher(new ChannelAdapterRegistry([_sms, _wechat]), _ledger, new InProcessRateLimiter(TimeProvider.System),
            new InProcessVersionCurrency(), NullDeliveryOutcomeSink.Instance, _options, TimeProvider.System);
        _sut.CircuitChanged += (_, change) => _transitions.Enqueue(change.State);
        return _sut;
    }

    private sealed class EveryoneAddressBook : IRecipientAddressBook
    {
        public bool TryGetAddress(int recipient, string channel, out string address)
        {
            address = "13800000000";
            return true;
        }
    }

    /// <summary>A provider that can be down (every answer unreachable, nothing accepted) and counts what it accepted.</summary>
    private sealed class SwitchableAdapter(string name) : IChannelAdapter
    {
        private readonly ConcurrentDictionary<int, int> _attempts = new();
        private readonly ConcurrentDictionary<int, int> _accepted = new();
        private int _calls;

        public string Name => name;

        public int BatchSize { get; set; } = 100;

        public ChannelCapabilities Capabilities => new() { MaxBatchSize = BatchSize };

        public volatile bool Down;

        public Func<int, int, DeliveryResult> Answer { get; set; } = (r, _) => DeliveryResult.Sent(r);

        public ConcurrentBag<DateTimeOffset> CallStarts { get; } = [];

        public int Calls => _calls;

        public int Accepted(int recipient) => _accepted.GetValueOrDefault(recipient);

        public ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CallStarts.Add(TimeProvider.System.GetUtcNow());
            if (Down)
            {
                return ValueTask.FromResult<IReadOnlyList<DeliveryResult>>(
                    [.. batch.Recipients.Select(r => DeliveryResult.Unreachable(r.Recipient, "not bound"))]);
            }
            return ValueTask.FromResult<IReadOnlyList<DeliveryResult>>([.. batch.Recipients.Select(r =>
            {
                Interlocked.Increment(ref _calls);
                var result = Answer(r.Recipient, _attempts.AddOrUpdate(r.Recipient, 1, (_, n) => n + 1));
                if (result.IsSuccess)
                {
                    _accepted.AddOrUpdate(r.Recipient, 1, (_, n) => n + 1);
                }
                return result;
            })]);
        }
    }
}
