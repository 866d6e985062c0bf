using Warning.Engine.Alerts;
using Warning.Engine.Audience;
using Warning.Engine.Channels;
using Warning.Engine.Dispatch;
using Warning.Engine.Dispatch.InProcess;

namespace Warning.Engine.Tests.Dispatch;

public sealed class WarningFanOutTests : IAsyncDisposable
{
    private static readonly RecipientDirectory District = DemoDistrict.Generate(seed: 7, people: 5_000);
    private readonly RecordingAdapter _sms = new("sms");
    private readonly FanOutDispatcher _dispatcher;
    private readonly DirectoryStore _store = new(District);

    public WarningFanOutTests() => _dispatcher = new FanOutDispatcher(new ChannelAdapterRegistry([_sms]),
        new InProcessDeliveryLedger(TimeProvider.System), new InProcessRateLimiter(TimeProvider.System),
        new InProcessVersionCurrency(), NullDeliveryOutcomeSink.Instance, new DispatchOptions(), TimeProvider.System);

    [Fact]
    public async Task PublishAsync_BlueWarningForOneStreet_ReachesExactlyItsSmsAudienceOnce()
    {
        var street = District.Areas.First(a => a.Level == AreaLevel.Street);
        var message = Blue(street.Code);
        var expected = new AudienceResolver(_store, new ChannelPolicy(SmsOnly)).Resolve(message);

        var summaries = await CreateSut(shardSize: 100, SmsOnly).PublishAsync("thread-1", message, TestContext.Current.CancellationToken);

        var sms = Assert.Single(expected.Channels);
        Assert.True(sms.Recipients.Count > 100, "the street should need several shards");
        Assert.Equal(sms.Recipients.Count, summaries.Sum(s => s.Sent));
        Assert.All(sms.Recipients.Recipients, r => Assert.Equal(1, _sms.SendsTo(r)));
        Assert.Equal(sms.Recipients.Count, _sms.TotalSends);
        Assert.All(_sms.Calls, c => Assert.Equal("44019920261129080000_0", c.Content.VersionId));
    }

    [Fact]
    public async Task PublishAsync_AreaWithNobody_RefusesAndSendsNothing()
    {
        var message = Blue(DemoDistrict.DistrictCode) with
        {
            Infos = [Blue(DemoDistrict.DistrictCode).Infos[0] with
            {
                Areas = [new TargetArea { AreaDesc = "海上", Circles = [new GeoCircle(new GeoPoint(0m, 0m), 10m)] }],
            }],
        };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CreateSut().PublishAsync("thread-1", message, TestContext.Current.CancellationToken));

        Assert.Contains("reaches nobody", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _sms.TotalSends);
    }

    [Fact]
    public async Task PublishAsync_RecipientsOnAChannelWithoutAdapter_ThrowsBeforeSendingAnything()
    {
        var street = District.Areas.First(a => a.Level == AreaLevel.Street);

        var ex = await Assert.ThrowsAsync<ChannelNotRegisteredException>(() =>
            CreateSut().PublishAsync("thread-1", Blue(street.Code), TestContext.Current.CancellationToken));

        Assert.Contains("wecom-robot", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _sms.TotalSends);
    }

    public async ValueTask DisposeAsync() => await _dispatcher.DisposeAsync();

    [Fact]
    public void Plan_AnyChannel_CarriesEveryChannelsTextForItsFallback()
    {
        var street = District.Areas.First(a => a.Level == AreaLevel.Street);
        var message = Blue(street.Code);
        var policy = new ChannelPolicy(new ChannelPolicyOptions());

        var shard = CreateSut().Plan("thread-1", message).First(s => s.Channel == "sms");

        Assert.Equal(policy.RenderText(message, "sms").Text, shard.Content.Text);
        Assert.Equal(policy.RenderText(message, "wechat").Text, shard.Content.ForChannel("wechat").Text);
        Assert.Equal(policy.RenderText(message, "led").Text, shard.Content.ForChannel("led").Text);
        Assert.Same(shard.Content, shard.Content.ForChannel("sms"));
        Assert.Same(shard.Content, shard.Content.ForChannel("email")); // nothing rendered for it: the channel's own text
    }

    private static ChannelPolicyOptions SmsOnly => new() { Blue = "sms" };

    private WarningFanOut CreateSut(int shardSize = 50_000, ChannelPolicyOptions? policy = null) =>
        new(new AudienceResolver(_store, new ChannelPolicy(policy ?? new ChannelPolicyOptions())), _store, _dispatcher, TimeProvider.System)
        {
            ShardSize = shardSize,
        };

    private static WarningMessage Blue(string areaCode) => new()
    {
        Identifier = "44019920261129080000_0",
        Sender = "青岚区应急管理局",
        Sent = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.FromHours(8)),
        Infos =
        [
            new WarningInfo
            {
                Event = "大风",
                EventType = "11B06",
                Level = WarningLevel.Blue,
                Severity = CapSeverity.Minor,
                Description = "预计未来24小时有6级以上大风。",
                Areas = [new TargetArea { AreaDesc = "街道", Geocodes = [new NamedValue(TargetArea.AdminCodeName, areaCode)] }],
            },
        ],
    };
}
