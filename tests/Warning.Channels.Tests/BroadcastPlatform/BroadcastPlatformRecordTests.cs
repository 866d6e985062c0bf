using Warning.Channels.Tests.Peers;
using Warning.Engine.Channels;

namespace Warning.Channels.Tests.BroadcastPlatform;

/// <summary>What the broadcast-platform stand-in reports to the counts API for each package it checked.</summary>
public sealed class BroadcastPlatformRecordTests(BroadcastPlatformPeerFixture peer) : IClassFixture<BroadcastPlatformPeerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_AlertThenCancel_OneEntryPerPackageNamingItsAreaEbmAndVerdict()
    {
        var sut = peer.CreateAdapter();
        var alert = Assert.Single(await sut.SendAsync(EbSamples.Batch(EbSamples.Alert(), "440105001"), Token));
        var cancel = Assert.Single(await sut.SendAsync(EbSamples.Batch(EbSamples.Cancel(), "440105001"), Token));
        Assert.All([alert, cancel], r => Assert.Equal(DeliveryStatus.Delivered, r.Status));

        var received = (await peer.Server.ReceivedAsync("broadcast-platform", Token))
            .Where(m => (string?)m["warning"] == alert.ProviderMessageId || (string?)m["warning"] == cancel.ProviderMessageId).ToArray();

        Assert.Equal(["send", "clear"], received.Select(m => (string?)m["kind"]));
        Assert.All(received, m => Assert.Equal("440105001000", (string?)m["recipient"]));
        Assert.All(received, m => Assert.Contains("signature verified; schema valid; answered 1", (string?)m["detail"], StringComparison.Ordinal));
    }
}
