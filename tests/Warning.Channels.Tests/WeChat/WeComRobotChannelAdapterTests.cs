using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Warning.Channels.Tests.Contract;
using Warning.Channels.Tests.Support;
using Warning.Channels.WeChat;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.WeChat;

/// <summary>
/// WeCom group robots against a WireMock.Net STUB of the robot webhook built from the documented examples
/// (developer.work.weixin.qq.com/document/path/91770): there is no real WeCom peer to test against.
/// </summary>
public sealed class WeComRobotChannelAdapterTests : ChannelAdapterContractTests<WeComRobotChannelAdapter>, IDisposable
{
    private const string Send = "/cgi-bin/webhook/send";
    private const string Ok = """{"errcode":0,"errmsg":"ok"}""";
    private readonly List<WeChatApiStub> _stubs = [];

    protected override WeComRobotChannelAdapter CreateSut() => Adapter(Stub().Answer(Send, Ok));

    protected override WeComRobotChannelAdapter CreateSutWithFailingProvider() => Adapter(Stub().Status(Send, 500));

    protected override string AddressFor(int recipient) => $"street-{recipient}";

    [Fact]
    public async Task SendAsync_RobotOverItsMinuteLimit_ThrottledForAMinute()
    {
        var stub = Stub().Answer(Send, """{"errcode":45009,"errmsg":"api freq out of limit"}""");
        var result = Assert.Single(await Adapter(stub).SendAsync(Batch(1, "x"), TestContext.Current.CancellationToken));
        Assert.Equal((DeliveryStatus.TransientFailure, TimeSpan.FromMinutes(1)), (result.Status, result.RetryAfter));
    }

    [Fact]
    public async Task SendAsync_RedWarning_PostsToEachRobotsKeyAndMentionsAll()
    {
        var stub = Stub().Answer(Send, Ok);
        var results = await Adapter(stub).SendAsync(Batch(2, "暴雨红色预警"), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        var keys = stub.Server.LogEntries.Select(e => e.RequestMessage.Query!["key"].ToString()).Order();
        Assert.Equal(["KEY-1", "KEY-2"], keys);
        Assert.All(stub.Bodies(Send), b => Assert.Equal("@all", (string?)b["text"]!["mentioned_list"]![0]));
    }

    [Fact]
    public async Task SendAsync_BlueWarning_DoesNotMentionAll()
    {
        var stub = Stub().Answer(Send, Ok);
        var batch = Batch(1, "x") with { Content = Batch(1, "x").Content with { Level = WarningLevel.Blue } };
        await Adapter(stub).SendAsync(batch, TestContext.Current.CancellationToken);
        Assert.Null(Assert.Single(stub.Bodies(Send))["text"]!["mentioned_list"]);
    }

    [Fact]
    public async Task SendAsync_UnknownRobotOrRevokedKey_Rejected()
    {
        var stub = Stub().Answer(Send, """{"errcode":93000,"errmsg":"invalid webhook url"}""");
        var batch = Batch(2, "x") with { Recipients = [new(1, "no-such-robot"), new(2, AddressFor(2))] };
        var results = await Adapter(stub).SendAsync(batch, TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.Equal(DeliveryStatus.Rejected, r.Status));
        Assert.Equal(1, stub.Calls(Send));
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

    private static WeComRobotChannelAdapter Adapter(WeChatApiStub stub) => new(
        new SimpleHttpClientFactory(),
        Options.Create(new WeComRobotChannelOptions
        {
            ApiBaseUrl = stub.BaseUrl,
            Robots = Enumerable.Range(1, 20).ToDictionary(i => $"street-{i}", i => $"KEY-{i}"),
            DetailBaseUrl = "https://warning.example.gov.cn",
            MaxBatchSize = 20,
        }),
        NullLogger<WeComRobotChannelAdapter>.Instance);
}
