using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;
using static Warning.Engine.Tests.Dispatch.DispatchRequests;

namespace Warning.Engine.Tests.Dispatch;

public sealed class FanOutDispatcherTests : IAsyncDisposable
{
    private readonly RecordingAdapter _adapter = new();
    private readonly InProcessDeliveryLedger _ledger = new(TimeProvider.System);
    private readonly InProcessVersionCurrency _currency = new();
    private readonly DispatchOptions _options = new() { SendersPerChannel = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
    private FanOutDispatcher? _sut;

    [Fact]
    public async Task DispatchAsync_TenThousandRecipients_SendsEachExactlyOnce()
    {
        var summary = await CreateSut().DispatchAsync(SmsRequest(WarningLevel.Blue, 10_000), TestContext.Current.CancellationToken);
        Assert.Equal((10_000, 10_000), (summary.Targeted, summary.Sent));
        Assert.Equal(10_000, _adapter.TotalSends);
        Assert.All(Enumerable.Range(0, 10_000), r => Assert.Equal(1, _adapter.SendsTo(r)));
        Assert.All(_adapter.Calls, c => Assert.True(c.Recipients.Count <= 100));
        Assert.NotNull(summary.FirstSendAt);
    }

    [Fact]
    public async Task DispatchAsync_ShardRunAgain_SendsNothingTwice()
    {
        var sut = CreateSut();
        await sut.DispatchAsync(SmsRequest(WarningLevel.Red, 2_000), TestContext.Current.CancellationToken);
        var again = await sut.DispatchAsync(SmsRequest(WarningLevel.Red, 2_000), TestContext.Current.CancellationToken);
        Assert.Equal((2_000, 0), (again.AlreadyServed, again.Sent));
        Assert.Equal(2_000, _adapter.TotalSends);
    }

    [Theory]
    [InlineData(WarningLevel.Red, 100, 0)]
    [InlineData(WarningLevel.Blue, 0, 100)]
    public async Task DispatchAsync_ClaimedButNeverConfirmed_FollowsUnknownPolicy(WarningLevel level, int resent, int skipped)
    {
        var request = SmsRequest(level, 1_000);
        var crashed = new ClaimOutcome[100];
        await _ledger.ClaimAsync(request.Scope, request.Recipients[..100], crashed, TimeSpan.FromHours(1), TestContext.Current.CancellationToken);

        var summary = await CreateSut().DispatchAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal((resent, skipped), (summary.UnknownResent, summary.UnknownSkipped));
        Assert.Equal(900 + resent, summary.Sent);
        // Skipped ones are recorded as Unknown, each once; resent ones get their send's outcome instead.
        var recorded = _sink.Results.Where(r => r.Status == DeliveryStatus.Unknown).Select(r => r.Recipient).Order().ToList();
        Assert.Equal(skipped == 0 ? [] : Enumerable.Range(0, 100).ToList(), recorded);
    }

    [Fact]
    public async Task DispatchAsync_TransientFailures_RetriesOnlyTheFailedRecipients()
    {
        _adapter.Answer = (r, attempt) => r % 10 == 0 && attempt == 1 ? DeliveryResult.Transient(r, "busy") : DeliveryResult.Sent(r);
        var summary = await CreateSut().DispatchAsync(SmsRequest(WarningLevel.Orange, 1_000), TestContext.Current.CancellationToken);
        Assert.Equal(1_000, summary.Sent);
        Assert.Equal(1_100, _adapter.TotalSends);
        Assert.Equal(2, _adapter.SendsTo(10));
        Assert.Equal(1, _adapter.SendsTo(11));
    }

    [Fact]
    public async Task DispatchAsync_ProviderThrottles_RetriesTakeProviderTokensAgain()
    {
        _adapter.Answer = (r, attempt) => r < 30 && attempt == 1 ? DeliveryResult.Throttled(r, "0x58", TimeSpan.FromSeconds(1)) : DeliveryResult.Sent(r);
        _options.ProviderRates["sms"] = new TokenBucketSpec(1_000_000, 1_000_000);
        var limiter = new CountingLimiter(new InProcessRateLimiter(TimeProvider.System));
        _sut = new FanOutDispatcher(new ChannelAdapterRegistry([_adapter]), _ledger, limiter, _currency,
            NullDeliveryOutcomeSink.Instance, _options, TimeProvider.System);

        var summary = await _sut.DispatchAsync(SmsRequest(WarningLevel.Yellow, 100), TestContext.Current.CancellationToken);

        Assert.Equal(100, summary.Sent);
        Assert.Equal(130, limiter.Granted("provider:sms")); // 100 first sends + 30 resends of the throttled
    }

    [Fact]
    public async Task DispatchAsync_TransientButNotThrottled_RetriesWithoutNewTokens()
    {
        _adapter.Answer = (r, attempt) => r < 30 && attempt == 1 ? DeliveryResult.Transient(r, "not bound") : DeliveryResult.Sent(r);
        _options.ProviderRates["sms"] = new TokenBucketSpec(1_000_000, 1_000_000);
        var limiter = new CountingLimiter(new InProcessRateLimiter(TimeProvider.System));
        _sut = new FanOutDispatcher(new ChannelAdapterRegistry([_adapter]), _ledger, limiter, _currency,
            NullDeliveryOutcomeSink.Instance, _options, TimeProvider.System);

        await _sut.DispatchAsync(SmsRequest(WarningLevel.Yellow, 100), TestContext.Current.CancellationToken);

        Assert.Equal(100, limiter.Granted("provider:sms"));
    }

    [Fact]
    public async Task DispatchAsync_AlwaysTransient_GivesUpAfterMaxAttemptsAsFailed()
    {
        _adapter.Answer = (r, _) => DeliveryResult.Transient(r, "down");
        var summary = await CreateSut().DispatchAsync(SmsRequest(WarningLevel.Yellow, 10), TestContext.Current.CancellationToken);
        Assert.Equal(10, summary.Failed);
        Assert.Equal(3, _adapter.SendsTo(0));
    }

    [Fact]
    public async Task DispatchAsync_VersionRetiredWhileQueued_StopsTheRest()
    {
        _adapter.Gate = new SemaphoreSlim(0);
        var sut = CreateSut();
        var run = sut.DispatchAsync(SmsRequest(WarningLevel.Blue, 5_000), TestContext.Current.CancellationToken);
        await WaitUntil(() => !_adapter.Calls.IsEmpty, seconds: 5);
        _currency.Retire("v1");
        _adapter.Gate.Release(1_000);
        var summary = await run;
        Assert.True(summary.Superseded > 0, "queued batches should be stopped");
        Assert.Equal(5_000, summary.Sent + summary.Superseded);
        Assert.True(_adapter.TotalSends < 5_000);
    }

    [Fact]
    public async Task DispatchAsync_UrgentWhileRoutineQueued_UrgentIsSentNext()
    {
        _options.SendersPerChannel = 1;
        _adapter.Gate = new SemaphoreSlim(0);
        var sut = CreateSut();
        var blue = sut.DispatchAsync(SmsRequest(WarningLevel.Blue, 5_000), TestContext.Current.CancellationToken);
        await WaitUntil(() => !_adapter.Calls.IsEmpty, seconds: 5);
        var red = sut.DispatchAsync(SmsRequest(WarningLevel.Red, 10, version: "red"), TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        _adapter.Gate.Release(1_000);
        await Task.WhenAll(blue, red);
        var order = _adapter.Calls.Select(c => c.Content.VersionId).ToList();
        Assert.Equal("red", order[1]); // only the call already in flight went before it
    }

    [Fact]
    public async Task DispatchAsync_RecipientWithoutAddress_IsCountedNotSent()
    {
        var request = SmsRequest(WarningLevel.Blue, 100) with { AddressBook = new EvenAddressBook() };
        var summary = await CreateSut().DispatchAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal((50, 50), (summary.Sent, summary.NoAddress));
        var again = await CreateSut().DispatchAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(100, again.AlreadyServed);
    }

    [Fact]
    public async Task DispatchAsync_AdapterReturnsWrongCount_RecordsFailedAndCompletes()
    {
        var broken = new BrokenAdapter();
        _sut = new FanOutDispatcher(new ChannelAdapterRegistry([broken]), _ledger, new InProcessRateLimiter(TimeProvider.System),
            _currency, NullDeliveryOutcomeSink.Instance, _options, TimeProvider.System);
        var summary = await _sut.DispatchAsync(SmsRequest(WarningLevel.Blue, 10), TestContext.Current.CancellationToken);
        Assert.Equal(10, summary.Failed);
    }

    [Fact]
    public async Task DispatchAsync_LedgerLosesAnswersMidFanOut_ServesEveryoneExactlyOnce()
    {
        var flaky = new FlakyLedger(_ledger);
        _options.ClaimBatchSize = 500;
        _sut = new FanOutDispatcher(new ChannelAdapterRegistry([_adapter]), flaky, new InProcessRateLimiter(TimeProvider.System),
            _currency, NullDeliveryOutcomeSink.Instance, _options, TimeProvider.System);

        var summary = await _sut.DispatchAsync(SmsRequest(WarningLevel.Blue, 10_000), TestContext.Current.CancellationToken);

        Assert.True(flaky.Failures > 5);
        Assert.Equal((10_000, 0), (summary.Sent, summary.UnknownSkipped));
        Assert.All(Enumerable.Range(0, 10_000), r => Assert.Equal(1, _adapter.SendsTo(r)));
    }

    [Fact]
    public async Task DispatchAsync_UnknownChannel_ThrowsChannelNotRegistered()
    {
        var request = SmsRequest(WarningLevel.Blue, 1) with { Channel = "fax" };
        await Assert.ThrowsAsync<ChannelNotRegisteredException>(() => CreateSut().DispatchAsync(request, TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (_sut is not null)
        {
            await _sut.DisposeAsync();
        }
    }

    private FanOutDispatcher CreateSut() => _sut ??= new FanOutDispatcher(new ChannelAdapterRegistry([_adapter]), _ledger,
        new InProcessRateLimiter(TimeProvider.System), _currency, _sink, _options, TimeProvider.System);

    private readonly RecordingSink _sink = new();

    /// <summary>Keeps every outcome the dispatcher records.</summary>
    private sealed class RecordingSink : IDeliveryOutcomeSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<DeliveryResult> _results = new();

        public IReadOnlyList<DeliveryResult> Results => [.. _results];

        public ValueTask RecordAsync(DeliveryContent content, string channel, IReadOnlyList<DeliveryResult> results, CancellationToken cancellationToken)
        {
            foreach (var result in results)
            {
                _results.Enqueue(result);
            }
            return ValueTask.CompletedTask;
        }
    }

    private sealed class EveryoneAddressBook : IRecipientAddressBook
    {
        public bool TryGetAddress(int recipient, string channel, out string address)
        {
            address = "13800000000";
            return true;
        }
    }

    private sealed class EvenAddressBook : IRecipientAddressBook
    {
        public bool TryGetAddress(int recipient, string channel, out string address)
        {
            address = recipient % 2 == 0 ? "13800000000" : string.Empty;
            return recipient % 2 == 0;
        }
    }

    /// <summary>Counts the tokens granted per bucket key.</summary>
    private sealed class CountingLimiter(IRateLimiter inner) : IRateLimiter
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _granted = new();

        public int Granted(string key) => _granted.GetValueOrDefault(key);

        public async ValueTask<RateLease> AcquireAsync(string key, TokenBucketSpec spec, int requested, DispatchPriority priority,
            CancellationToken cancellationToken)
        {
            var lease = await inner.AcquireAsync(key, spec, requested, priority, cancellationToken);
            _granted.AddOrUpdate(key, lease.Granted, (_, n) => n + lease.Granted);
            return lease;
        }

        public ValueTask AcquireEachAsync(string prefix, ReadOnlyMemory<int> recipients, TokenBucketSpec spec, Memory<bool> granted,
            CancellationToken cancellationToken) => inner.AcquireEachAsync(prefix, recipients, spec, granted, cancellationToken);
    }

    private sealed class BrokenAdapter : IChannelAdapter
    {
        public string Name => "sms";

        public ChannelCapabilities Capabilities { get; } = new() { MaxBatchSize = 5 };

        public ValueTask<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryBatch batch, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<DeliveryResult>>([DeliveryResult.Sent(batch.Recipients[0].Recipient)]);
    }
}
