using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Warning.Channels.Tests.Contract;
using Warning.Channels.Tests.Email;
using Warning.Channels.Tests.Support;
using Warning.Channels.Webhook;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;
using Warning.Engine.Codecs;

namespace Warning.Channels.Tests.Webhook;

/// <summary>
/// The webhook channel against our receiver, which checks every signature with the npm standardwebhooks package
/// (an independent implementation of the Standard Webhooks scheme).
/// </summary>
[Trait("Category", "Integration")]
public sealed class WebhookChannelAdapterTests(WebhookReceiverFixture receiver)
    : ChannelAdapterContractTests<WebhookChannelAdapter>, IClassFixture<WebhookReceiverFixture>
{
    // Each test gets its own endpoints on the shared receiver.
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    protected override WebhookChannelAdapter CreateSut() => Adapter(i => Endpoint(i), status: 200);

    protected override WebhookChannelAdapter CreateSutWithFailingProvider() => Adapter(i => $"{Endpoint(i)}-down", status: 500);

    protected override string AddressFor(int recipient) => $"subscriber-{recipient}";

    [Fact]
    public async Task SendAsync_Json_ReceiverVerifiesSignatureAndGetsTheWarning()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = CreateSut();
        var batch = new DeliveryBatch(Content(), [new(1, AddressFor(1))]);

        var result = Assert.Single(await sut.SendAsync(batch, ct));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var delivery = Assert.Single(await receiver.DeliveriesAsync(Endpoint(1), ct));
        Assert.True(delivery.GetProperty("verified").GetBoolean(), delivery.GetProperty("error").ToString());
        Assert.Equal(result.ProviderMessageId, delivery.GetProperty("id").GetString());
        using var body = JsonDocument.Parse(delivery.GetProperty("body").GetString()!);
        Assert.Equal("warning.alert", body.RootElement.GetProperty("type").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal("44030400000000_20240501083000_1", data.GetProperty("identifier").GetString());
        Assert.Equal("Red", data.GetProperty("level").GetString());
        Assert.Equal("暴雨红色预警：请立即转移。", data.GetProperty("text").GetString());
        Assert.Equal("https://warning.example.gov.cn/w/44030400000000_20240501083000_1", data.GetProperty("detailUrl").GetString());
    }

    [Fact]
    public async Task SendAsync_CapFormat_ReceiverVerifiesSignatureOverTheCapXml()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = Adapter(i => Endpoint(i), status: 200, WebhookFormat.Cap);

        var result = Assert.Single(await sut.SendAsync(new DeliveryBatch(Content(), [new(1, AddressFor(1))]), ct));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var delivery = Assert.Single(await receiver.DeliveriesAsync(Endpoint(1), ct));
        Assert.True(delivery.GetProperty("verified").GetBoolean(), delivery.GetProperty("error").ToString());
        Assert.StartsWith("application/cap+xml", delivery.GetProperty("contentType").GetString(), StringComparison.Ordinal);
        var read = CapReader.Read(delivery.GetProperty("body").GetString()!);
        Assert.Equal("44030400000000_20240501083000_1", read.Message!.Identifier);
    }

    [Fact]
    public async Task SendAsync_SubscriberAnswers410_RejectsAsUnsubscribed()
    {
        var sut = Adapter(i => Endpoint(i), status: 410);
        var result = Assert.Single(await sut.SendAsync(Batch(1, "x"), TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryStatus.Rejected, result.Status);
    }

    [Fact]
    public async Task SendAsync_WrongSecret_ReceiverRefusesSignatureAndResultIsFailure()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = Adapter(i => Endpoint(i), status: 200);
        await receiver.ConfigureAsync(Endpoint(1), 200, ct, secret: "whsec_" + Convert.ToBase64String("another key entirely"u8));

        var result = Assert.Single(await sut.SendAsync(Batch(1, "x"), ct));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("HTTP 401", result.Detail);
        Assert.False(Assert.Single(await receiver.DeliveriesAsync(Endpoint(1), ct)).GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_ResentAfterTransientFailure_KeepsTheSameWebhookId()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = Adapter(i => Endpoint(i), status: 500);
        var first = Assert.Single(await sut.SendAsync(Batch(1, "x"), ct));
        await receiver.ConfigureAsync(Endpoint(1), 200, ct);
        var second = Assert.Single(await sut.SendAsync(Batch(1, "x"), ct));

        Assert.Equal((DeliveryStatus.TransientFailure, DeliveryStatus.Delivered), (first.Status, second.Status));
        var ids = (await receiver.DeliveriesAsync(Endpoint(1), ct)).Select(d => d.GetProperty("id").GetString()).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task SendAsync_UnknownSubscriber_RejectsWithoutACall()
    {
        var sut = CreateSut();
        var batch = Batch(1, "x") with { Recipients = [new(9, "nobody")] };
        Assert.Equal(DeliveryStatus.Rejected, Assert.Single(await sut.SendAsync(batch, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public void Sign_StandardWebhooksExample_MatchesThePublishedSignature()
    {
        // The example of the Standard Webhooks specification (also what the npm package computes for it).
        Assert.True(WebhookSigner.TryParseSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", out var key));
        var signature = WebhookSigner.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""u8);
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    private string Endpoint(int recipient) => $"{_run}-{recipient}";

    private WebhookChannelAdapter Adapter(Func<int, string> endpoint, int status, WebhookFormat format = WebhookFormat.Json)
    {
        receiver.RequirePeer();
        var subscribers = new Dictionary<string, WebhookSubscriber>(StringComparer.Ordinal);
        for (var i = 1; i <= 5; i++)
        {
            subscribers[AddressFor(i)] = new WebhookSubscriber { Url = receiver.HookUrl(endpoint(i)).AbsoluteUri, Secret = receiver.Secret, Format = format };
            receiver.Configure(endpoint(i), status);
        }
        var options = new WebhookChannelOptions
        {
            Subscribers = subscribers,
            DetailBaseUrl = "https://warning.example.gov.cn",
            MaxBatchSize = 5,
        };
        return new WebhookChannelAdapter(new SimpleHttpClientFactory(), Options.Create(options), TimeProvider.System, NullLogger<WebhookChannelAdapter>.Instance);
    }

    private static DeliveryContent Content() =>
        new("thread-1", "version-hook", MessageType.Alert, AlertStatus.Actual, WarningLevel.Red, "暴雨红色预警：请立即转移。", null)
        {
            Message = EmailChannelAdapterTests.Message(),
        };
}
