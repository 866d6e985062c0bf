using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using Warning.Engine.Alerts;
using Warning.Engine.Channels;
using Warning.Peers.BroadcastPlatform;

namespace Warning.Channels.Tests.BroadcastPlatform;

/// <summary>The adapter against the broadcast-platform stand-in of Warning.Peers: what the EBM says, and how each answer is read.</summary>
public sealed class BroadcastPlatformChannelAdapterTests(BroadcastPlatformPeerFixture peer) : IClassFixture<BroadcastPlatformPeerFixture>
{
    private static readonly DateTimeOffset Now = EbSamples.Sent.AddMinutes(1);
    private readonly FakeTimeProvider _time = new(Now);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_RedAlert_PackageVerifiesWithOpenSslAndPassesXmllint()
    {
        var sut = peer.CreateAdapter(timeProvider: _time);
        var results = await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "440105001"), Token);

        var result = Assert.Single(results);
        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var package = Last();
        Assert.True(package.SignatureVerified, package.OpenSslOutput);
        Assert.True(package.SchemaValid, package.XmllintOutput);
        var ebdId = Ebd(package).Element("EBDID")!.Value;
        Assert.Equal($"EBDT_{ebdId}.tar", package.FileName);
        Assert.Equal([$"EBDB_{ebdId}.xml", $"EBDS_EBDB_{ebdId}.xml"], package.TarListing);
        Assert.Equal(result.ProviderMessageId, Ebd(package).Element("EBM")!.Element("EBMID")!.Value);
    }

    [Fact]
    public async Task SendAsync_RedAlert_EbmCarriesLevelEventAreasTextAndBeijingTimes()
    {
        var sut = peer.CreateAdapter(timeProvider: _time);
        var alert = EbSamples.Alert();
        await sut.SendAsync(EbSamples.Batch(alert, "440105001,440105002003"), Token);

        var ebd = Ebd(Last());
        var ebm = ebd.Element("EBM")!;
        var basic = ebm.Element("MsgBasicInfo")!;
        var content = ebm.Element("MsgContent")!;
        Assert.Equal("EBM", ebd.Element("EBDType")!.Value);
        Assert.StartsWith("10" + BroadcastPlatformPeerFixture.SourceEbrId, ebd.Element("EBDID")!.Value, StringComparison.Ordinal);
        Assert.Equal(BroadcastPlatformPeerFixture.PlatformEbrId, ebd.Element("DEST")!.Element("EBRID")!.Value);
        Assert.Equal("1", basic.Element("MsgType")!.Value);
        Assert.Equal("1", basic.Element("Severity")!.Value);
        Assert.Equal("11B03", basic.Element("EventType")!.Value);
        Assert.Equal("海珠区应急管理局", basic.Element("SenderName")!.Value);
        Assert.Equal("2026-07-20 08:00:00", basic.Element("SentTime")!.Value);
        Assert.Equal("2026-07-20 08:01:00", basic.Element("StartTime")!.Value);
        Assert.Equal("2026-07-20 14:00:00", basic.Element("EndTime")!.Value);
        Assert.Equal("440105001000,440105002003", content.Element("AreaCode")!.Value);
        Assert.Equal(alert.Infos[0].Headline, content.Element("MsgTitle")!.Value);
        Assert.Equal(alert.Infos[0].Description, content.Element("MsgDesc")!.Value);
        Assert.Null(ebm.Element("RelatedEBM"));
    }

    [Fact]
    public async Task SendAsync_Cancel_IsMsgType2NamingTheAlertsEbmForTheSameArea()
    {
        var sut = peer.CreateAdapter(timeProvider: _time);
        var alert = await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "440105001", "440105002"), Token);
        var cancel = await sut.SendAsync(EbSamples.Batch(EbSamples.Cancel(), "440105002"), Token);

        var ebm = Ebd(Last()).Element("EBM")!;
        Assert.Equal("2", ebm.Element("MsgBasicInfo")!.Element("MsgType")!.Value);
        Assert.Equal(alert[1].ProviderMessageId, ebm.Element("RelatedEBM")!.Element("EBMID")!.Value);
        Assert.NotEqual(alert[0].ProviderMessageId, alert[1].ProviderMessageId);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(cancel).Status);
    }

    [Fact]
    public async Task SendAsync_Exercise_IsPlatformDrillWithDrillMarkInTitleAndText()
    {
        var sut = peer.CreateAdapter(timeProvider: _time);
        await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(AlertStatus.Exercise), "440105001"), Token);

        var ebm = Ebd(Last()).Element("EBM")!;
        Assert.Equal("3", ebm.Element("MsgBasicInfo")!.Element("MsgType")!.Value);
        Assert.StartsWith(WarningText.ExerciseMark, ebm.Element("MsgContent")!.Element("MsgTitle")!.Value, StringComparison.Ordinal);
        Assert.StartsWith(WarningText.ExerciseMark, ebm.Element("MsgContent")!.Element("MsgDesc")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ebd/result/0", DeliveryStatus.Sent)]
    [InlineData("ebd/result/2", DeliveryStatus.Rejected)]
    [InlineData("ebd/result/4", DeliveryStatus.Rejected)]
    [InlineData("ebd/result/5", DeliveryStatus.Rejected)]
    [InlineData("ebd/bare", DeliveryStatus.Delivered)]
    [InlineData("ebd/garbage", DeliveryStatus.Unknown)]
    [InlineData("ebd/other", DeliveryStatus.Unknown)]
    [InlineData("ebd/status/404", DeliveryStatus.Rejected)]
    [InlineData("ebd/status/429", DeliveryStatus.TransientFailure)]
    [InlineData("ebd/status/502", DeliveryStatus.TransientFailure)]
    public async Task SendAsync_PlatformAnswer_MapsToStatus(string path, DeliveryStatus expected)
    {
        var sut = peer.CreateAdapter(path, timeProvider: _time);
        var results = await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "440105001"), Token);
        Assert.Equal(expected, Assert.Single(results).Status);
    }

    [Fact]
    public async Task SendAsync_PlatformNeverAnswers_TransientAfterRequestTimeout()
    {
        var sut = peer.CreateAdapter("ebd/hang", o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        var results = await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "440105001"), Token);
        var result = Assert.Single(results);
        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.Contains("no answer", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PlatformUnreachable_Transient()
    {
        var sut = peer.CreateAdapter(timeProvider: _time, configure: o => o.PlatformUrl = "http://127.0.0.1:9/ebd");
        var results = await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "440105001"), Token);
        Assert.Equal(DeliveryStatus.TransientFailure, Assert.Single(results).Status);
    }

    [Fact]
    public async Task SendAsync_AnswerSignedByOpenSslWithPlatformKey_VerifiedAndDelivered()
    {
        var sut = peer.CreateAdapter(timeProvider: _time, configure: o => o.PlatformPublicKeyPem = peer.PlatformPublicKeyPem);
        var results = await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "440105001"), Token);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(results).Status);
    }

    [Fact]
    public async Task SendAsync_AnswerSignedWithAnotherKey_UnknownNotDelivered()
    {
        var sut = peer.CreateAdapter("ebd/forged", o => o.PlatformPublicKeyPem = peer.PlatformPublicKeyPem, _time);
        var result = Assert.Single(await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "440105001"), Token));
        Assert.Equal(DeliveryStatus.Unknown, result.Status);
        Assert.Contains("signature", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AddressNotAnAreaCode_RejectedWithoutPosting()
    {
        var sut = peer.CreateAdapter(timeProvider: _time);
        var before = peer.Received.Count;
        var results = await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "13800001111x", "440105001"), Token);
        Assert.Equal([DeliveryStatus.Rejected, DeliveryStatus.Delivered], results.Select(r => r.Status));
        Assert.Equal(before + 1, peer.Received.Count);
    }

    private ReceivedPackage Last() => peer.Received.Last();

    private static XElement Ebd(ReceivedPackage package) => XDocument.Parse(package.EbdXml).Root!;
}
