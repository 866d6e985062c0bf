using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Warning.Channels.Tests.Contract;
using Warning.Channels.Tests.Support;
using Warning.Channels.WeChat;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.WeChat;

/// <summary>
/// WeCom application messages against a WireMock.Net STUB of qyapi.weixin.qq.com built from the documented
/// examples (developer.work.weixin.qq.com/document/path/90236 for message/send, …/90313 for error codes):
/// there is no real WeCom peer to test against.
/// </summary>
public sealed class WeComChannelAdapterTests : ChannelAdapterContractTests<WeComChannelAdapter>, IDisposable
{
    private const string Send = "/cgi-bin/message/send";
    private const string Ok = """{"errcode":0,"errmsg":"ok","msgid":"MSGID1","response_code":"xyzxyz"}""";
    private readonly List<WeChatApiStub> _stubs = [];

    protected override WeComChannelAdapter CreateSut() => Adapter(Stub().WeComToken("accesstoken000001").Answer(Send, Ok));

    protected override WeComChannelAdapter CreateSutWithFailingProvider() => Adapter(Stub().WeComToken("accesstoken000001").Status(Send, 502));

    protected override string AddressFor(int recipient) => $"user{recipient}";

    [Fact]
    public async Task SendAsync_SomeMembersInvalidOrUnlicensed_RejectsThemAndSendsTheRestInOneCall()
    {
        var stub = Stub().WeComToken("accesstoken000001").Answer(Send,
            """{"errcode":0,"errmsg":"ok","invaliduser":"user2","invalidparty":"","invalidtag":"","unlicenseduser":"user3","msgid":"MSGID1","response_code":"xyzxyz"}""");

        var results = await Adapter(stub).SendAsync(Batch(4, "暴雨红色预警"), TestContext.Current.CancellationToken);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Rejected, DeliveryStatus.Rejected, DeliveryStatus.Sent], results.Select(r => r.Status));
        Assert.Equal("MSGID1", results[0].ProviderMessageId);
        var body = Assert.Single(stub.Bodies(Send));
        Assert.Equal("user1|user2|user3|user4", (string?)body["touser"]);
        Assert.Equal(1000002, (int)body["agentid"]!);
        Assert.Equal("text", (string?)body["msgtype"]);
        Assert.Equal(1, (int)body["enable_duplicate_check"]!);
    }

    [Fact]
    public async Task SendAsync_AllRecipientsInvalid_RejectsAll()
    {
        var stub = Stub().WeComToken("accesstoken000001").Answer(Send, """{"errcode":81013,"errmsg":"user & party & tag all invalid"}""");
        var results = await Adapter(stub).SendAsync(Batch(2, "x"), TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.Equal(DeliveryStatus.Rejected, r.Status));
    }

    [Fact]
    public async Task SendAsync_AtAllOrSeparatorInAddress_RejectedAndNeverSent()
    {
        var stub = Stub().WeComToken("accesstoken000001").Answer(Send, Ok);
        var batch = Batch(3, "x") with { Recipients = [new(1, "@all"), new(2, "a|b"), new(3, "user3")] };

        var results = await Adapter(stub).SendAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal([DeliveryStatus.Rejected, DeliveryStatus.Rejected, DeliveryStatus.Sent], results.Select(r => r.Status));
        Assert.Equal("user3", (string?)Assert.Single(stub.Bodies(Send))["touser"]);
    }

    [Fact]
    public async Task SendAsync_LongChineseText_ContentFits2048BytesAndKeepsTheLink()
    {
        var stub = Stub().WeComToken("accesstoken000001").Answer(Send, Ok);
        await Adapter(stub).SendAsync(Batch(1, new string('雨', 2000)), TestContext.Current.CancellationToken);

        var content = (string)Assert.Single(stub.Bodies(Send))["text"]!["content"]!;
        Assert.InRange(Encoding.UTF8.GetByteCount(content), 1900, 2048);
        Assert.StartsWith("【红色预警】", content, StringComparison.Ordinal);
        Assert.EndsWith("详情：https://warning.example.gov.cn/w/version-1", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TokenExpired_FetchesANewTokenOnceAndResendsOnce()
    {
        var stub = Stub().WeComToken("OLD", "NEW")
            .Answer(Send, """{"errcode":42001,"errmsg":"access_token expired"}""", token: "OLD").Answer(Send, Ok, token: "NEW");

        var results = await Adapter(stub).SendAsync(Batch(3, "x"), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(2, stub.Calls("/cgi-bin/gettoken"));
        Assert.Equal(["OLD", "NEW"], stub.Tokens(Send));
    }

    [Fact]
    public async Task SendAsync_WrongSecret_FailsWithoutSending()
    {
        var stub = Stub().Answer(Send, Ok);
        stub.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/cgi-bin/gettoken").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody("""{"errcode":40001,"errmsg":"invalid credential"}"""));

        var results = await Adapter(stub).SendAsync(Batch(2, "x"), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Failed, r.Status));
        Assert.Equal(0, stub.Calls(Send));
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

    private static WeComChannelAdapter Adapter(WeChatApiStub stub) => new(
        new SimpleHttpClientFactory(),
        new InProcessAccessTokenCache(TimeProvider.System),
        Options.Create(new WeComChannelOptions
        {
            ApiBaseUrl = stub.BaseUrl,
            CorpId = "ww-corp",
            CorpSecret = "secret",
            AgentId = 1000002,
            DetailBaseUrl = "https://warning.example.gov.cn",
            MaxBatchSize = 50,
        }),
        NullLogger<WeComChannelAdapter>.Instance);
}
