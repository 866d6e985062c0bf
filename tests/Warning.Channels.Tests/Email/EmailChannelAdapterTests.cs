using System.Text.Json;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Warning.Channels.Email;
using Warning.Channels.Tests.Contract;
using Warning.Channels.Tests.Support;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.Email;

/// <summary>The e-mail channel against maildev, a real SMTP server; what arrived is read back through its API.</summary>
[Trait("Category", "Integration")]
public sealed class EmailChannelAdapterTests(MaildevFixture maildev) : ChannelAdapterContractTests<EmailChannelAdapter>, IClassFixture<MaildevFixture>
{
    // Each test writes to its own domain, so tests sharing the one maildev read only their own messages.
    private readonly string _domain = $"t{Guid.NewGuid():N}.example.org";

    protected override EmailChannelAdapter CreateSut()
    {
        maildev.RequirePeer();
        return Adapter(maildev.SmtpPort);
    }

    // Nothing listens on a port we just released: the connection is refused, as when the relay is down.
    protected override EmailChannelAdapter CreateSutWithFailingProvider() => Adapter(NodePeer.FreePort());

    protected override string AddressFor(int recipient) => $"user{recipient}@{_domain}";

    [Fact]
    public async Task SendAsync_ChineseWarning_ArrivesWithSubjectBodyAndOneRecipientEach()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = CreateSut();
        const string warning = "暴雨红色预警：城关街道将出现特大暴雨，请立即转移到安全地带。";
        var content = new DeliveryContent("thread-1", "version-email", MessageType.Alert, AlertStatus.Actual, WarningLevel.Red, warning, null)
        {
            Message = Message(),
        };
        var batch = new DeliveryBatch(content, [new(1, AddressFor(1)), new(2, AddressFor(2))]);

        var results = await sut.SendAsync(batch, ct);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        var received = await OwnMessagesAsync(ct);
        Assert.Equal(2, received.Length);
        foreach (var message in received)
        {
            Assert.Equal("【红色预警】城关街道暴雨红色预警", message.GetProperty("subject").GetString());
            var text = message.GetProperty("text").GetString()!;
            Assert.Contains("请立即转移到安全地带", text, StringComparison.Ordinal);
            Assert.Contains("区域：城关街道", text, StringComparison.Ordinal);
            Assert.Contains("详情：https://warning.example.gov.cn/w/44030400000000_20240501083000_1", text, StringComparison.Ordinal);
            Assert.Single(message.GetProperty("to").EnumerateArray());
        }
        var to = received.Select(m => m.GetProperty("to")[0].GetProperty("address").GetString()!).Order().ToArray();
        Assert.Equal([AddressFor(1), AddressFor(2)], to);
        Assert.Equal(results.Select(r => r.ProviderMessageId).Order(), received.Select(m => m.GetProperty("headers").GetProperty("message-id").GetString()?.Trim('<', '>')).Order());
    }

    [Fact]
    public async Task SendAsync_ServerRefusesOneRecipient_RejectsItAndDeliversTheOthersOnTheSameConnection()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = CreateSut();
        // maildev's SMTP library answers RCPT TO:<" "@domain> with "501 Bad recipient address syntax".
        var batch = Batch(3, "暴雨预警") with
        {
            Recipients = [new(1, AddressFor(1)), new(2, $"\" \"@{_domain}"), new(3, AddressFor(3))],
        };

        var results = await sut.SendAsync(batch, ct);

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Rejected, DeliveryStatus.Sent], results.Select(r => r.Status));
        Assert.Contains("501", results[1].Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await OwnMessagesAsync(ct)).Length);
    }

    [Fact]
    public async Task SendAsync_NotAnAddress_RejectsWithoutSending()
    {
        var sut = CreateSut();
        var batch = Batch(1, "x") with { Recipients = [new(7, "13800000000")] };
        var result = Assert.Single(await sut.SendAsync(batch, TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryStatus.Rejected, result.Status);
    }

    private async Task<JsonElement[]> OwnMessagesAsync(CancellationToken ct) =>
        [.. (await maildev.MessagesAsync(ct)).Where(m => m.GetProperty("to").EnumerateArray()
            .Any(t => t.GetProperty("address").GetString()!.EndsWith(_domain, StringComparison.Ordinal)))];

    private static EmailChannelAdapter Adapter(int port) => new(
        Options.Create(new EmailChannelOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = SecureSocketOptions.None,
            FromAddress = "alerts@yjj.example.gov.cn",
            DetailBaseUrl = "https://warning.example.gov.cn",
            MaxBatchSize = 10,
            MaxTextLength = 200,
            CommandTimeout = TimeSpan.FromSeconds(10),
        }),
        NullLogger<EmailChannelAdapter>.Instance);

    internal static WarningMessage Message() => new()
    {
        Identifier = "44030400000000_20240501083000_1",
        Sender = "区应急管理局",
        Sent = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(8)),
        Infos =
        [
            new WarningInfo
            {
                Event = "暴雨",
                EventType = "11B03",
                Level = WarningLevel.Red,
                Headline = "城关街道暴雨红色预警",
                Description = "城关街道将出现特大暴雨。",
                Areas = [new TargetArea { AreaDesc = "城关街道" }],
            },
        ],
    };
}
