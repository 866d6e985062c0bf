using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Warning.Channels.Tests.Contract;
using Warning.Channels.Tests.Email;
using Warning.Channels.Tests.Support;
using Warning.Channels.WeChat;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.WeChat;

/// <summary>
/// The Official Account channel against a WireMock.Net STUB of api.weixin.qq.com built from the documented
/// examples (see <see cref="WeChatApiStub"/>): there is no real WeChat peer to test against.
/// Answers from developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html and
/// the global return codes page (…/Getting_Started/Global_Return_Code.html).
/// </summary>
public sealed class WeChatChannelAdapterTests : ChannelAdapterContractTests<WeChatChannelAdapter>, IDisposable
{
    private const string Send = "/cgi-bin/message/template/send";
    private const string Ok = """{"errcode":0,"errmsg":"ok","msgid":200228332}""";
    private readonly List<WeChatApiStub> _stubs = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(8)));

    protected override WeChatChannelAdapter CreateSut() => Adapter(Stub().StableToken("ACCESS_TOKEN").Answer(Send, Ok, token: "ACCESS_TOKEN"));

    protected override WeChatChannelAdapter CreateSutWithFailingProvider() => Adapter(Stub().StableToken("ACCESS_TOKEN").Status(Send, 503));

    protected override string AddressFor(int recipient) => $"oOPENID{recipient:D4}";

    [Theory]
    [InlineData("""{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}""")]
    [InlineData("""{"errcode":42001,"errmsg":"access_token expired"}""")]
    public async Task SendAsync_TokenRefused_RefreshesOnceAndResendsEachRequestOnce(string refusal)
    {
        var stub = Stub().StableToken("STALE", "FRESH").Answer(Send, refusal, token: "STALE").Answer(Send, Ok, token: "FRESH");
        var sut = Adapter(stub);

        var results = await sut.SendAsync(Batch(8, "暴雨红色预警"), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(2, stub.Calls("/cgi-bin/stable_token"));
        Assert.Equal([false, true], stub.Bodies("/cgi-bin/stable_token").Select(b => (bool)b["force_refresh"]!));
        Assert.Equal(8, stub.Tokens(Send).Count(t => t == "STALE"));
        Assert.Equal(8, stub.Tokens(Send).Count(t => t == "FRESH"));
    }

    [Fact]
    public async Task SendAsync_TokenRefusedTwice_IsTransientWithoutAThirdRequest()
    {
        var refusal = """{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}""";
        var stub = Stub().StableToken("STALE", "ALSO_STALE").Answer(Send, refusal);
        var result = Assert.Single(await Adapter(stub).SendAsync(Batch(1, "x"), TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.Equal(2, stub.Calls(Send));
    }

    [Fact]
    public async Task SendAsync_DailyQuotaReached_ThrottledUntilMidnightBeijingTime()
    {
        var stub = Stub().StableToken("ACCESS_TOKEN").Answer(Send, """{"errcode":45009,"errmsg":"reach max api daily quota limit"}""");
        var result = Assert.Single(await Adapter(stub).SendAsync(Batch(1, "x"), TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.Equal(TimeSpan.FromHours(15.5), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_RecipientNotFollowing_RejectsOnlyThatRecipient()
    {
        var stub = Stub().StableToken("ACCESS_TOKEN").Answer(Send, Ok)
            .Answer(Send, """{"errcode":43004,"errmsg":"require subscribe"}""", bodyContains: new { touser = AddressFor(2) });
        var results = await Adapter(stub).SendAsync(Batch(3, "x"), TestContext.Current.CancellationToken);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Rejected, DeliveryStatus.Sent], results.Select(r => r.Status));
    }

    [Fact]
    public async Task SendAsync_SystemBusy_IsTransient()
    {
        var stub = Stub().StableToken("ACCESS_TOKEN").Answer(Send, """{"errcode":-1,"errmsg":"system error"}""");
        var result = Assert.Single(await Adapter(stub).SendAsync(Batch(1, "x"), TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
    }

    [Fact]
    public async Task SendAsync_Template_SendsKeyFactsOfAtMost20CharactersAndTheDetailLink()
    {
        var stub = Stub().StableToken("ACCESS_TOKEN").Answer(Send, Ok);
        var content = new DeliveryContent("thread-1", "version-1", MessageType.Alert, AlertStatus.Actual, WarningLevel.Red, "全文", null)
        {
            Message = EmailChannelAdapterTests.Message() with
            {
                Infos = [EmailChannelAdapterTests.Message().Infos[0] with { Areas = [new() { AreaDesc = "城关街道" }, new() { AreaDesc = "东关街道" }, new() { AreaDesc = "西关街道" }, new() { AreaDesc = "南关街道" }, new() { AreaDesc = "北关街道" }] }],
            },
        };

        var result = Assert.Single(await Adapter(stub).SendAsync(new DeliveryBatch(content, [new(1, "oOPENID")]), TestContext.Current.CancellationToken));

        Assert.True(result.Status == DeliveryStatus.Sent, result.Detail);
        Assert.Equal("200228332", result.ProviderMessageId);
        var body = Assert.Single(stub.Bodies(Send));
        Assert.Equal("oOPENID", (string?)body["touser"]);
        Assert.Equal("TEMPLATE_ID", (string?)body["template_id"]);
        Assert.Equal("https://warning.example.gov.cn/w/44030400000000_20240501083000_1", (string?)body["url"]);
        Assert.False(string.IsNullOrEmpty((string?)body["client_msg_id"]));
        var data = body["data"]!;
        Assert.Equal("暴雨", (string?)data["keyword1"]!["value"]);
        Assert.Equal("红色预警", (string?)data["keyword2"]!["value"]);
        Assert.Equal("城关街道、东关街道、西关街道、南关街道…", (string?)data["keyword3"]!["value"]);
        Assert.Equal("2024-05-01 08:30", (string?)data["keyword4"]!["value"]);
        Assert.All(data.AsObject(), field => Assert.InRange(((string)field.Value!["value"]!).Length, 1, 20));
    }

    [Fact]
    public async Task SendAsync_Subscription_PostsBizsendWithThePageLink()
    {
        const string bizsend = "/cgi-bin/message/subscribe/bizsend";
        var stub = Stub().StableToken("ACCESS_TOKEN").Answer(bizsend, """{"errcode":0,"errmsg":"ok"}""")
            .Answer(bizsend, """{"errcode":43101,"errmsg":"user refuse to accept the msg"}""", bodyContains: new { touser = AddressFor(2) });
        var sut = Adapter(stub, WeChatMessageKind.Subscription);

        var results = await sut.SendAsync(Batch(2, "x"), TestContext.Current.CancellationToken);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Rejected], results.Select(r => r.Status));
        Assert.All(stub.Bodies(bizsend), b => Assert.Equal("https://warning.example.gov.cn/w/version-1", (string?)b["page"]));
    }

    public void Dispose()
    {
        foreach (var stub in _stubs)
        {
            stub.Dispose();
        }
    }

    private WeChatApiStub Stub()
    {
        var stub = new WeChatApiStub();
        _stubs.Add(stub);
        return stub;
    }

    private WeChatChannelAdapter Adapter(WeChatApiStub stub, WeChatMessageKind kind = WeChatMessageKind.Template) => new(
        new SimpleHttpClientFactory(),
        new InProcessAccessTokenCache(_time),
        Options.Create(new WeChatChannelOptions
        {
            ApiBaseUrl = stub.BaseUrl,
            AppId = "wx-app",
            AppSecret = "secret",
            TemplateId = "TEMPLATE_ID",
            MessageKind = kind,
            DetailBaseUrl = "https://warning.example.gov.cn/",
            MaxBatchSize = 10,
        }),
        _time,
        NullLogger<WeChatChannelAdapter>.Instance);
}
