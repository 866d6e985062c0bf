using Warning.Channels.BroadcastPlatform;
using Warning.Channels.Tests.Contract;

namespace Warning.Channels.Tests.BroadcastPlatform;

/// <summary>The shared adapter contract, run against the broadcast-platform stand-in of Warning.Peers (every package checked by OpenSSL).</summary>
public sealed class BroadcastPlatformContractTests(BroadcastPlatformPeerFixture peer)
    : ChannelAdapterContractTests<BroadcastPlatformChannelAdapter>, IClassFixture<BroadcastPlatformPeerFixture>
{
    protected override BroadcastPlatformChannelAdapter CreateSut() => peer.CreateAdapter();

    protected override BroadcastPlatformChannelAdapter CreateSutWithFailingProvider() => peer.CreateAdapter("ebd/status/503");

    // Township codes of the district (9 digits); the adapter pads them to the 12 digits of AreaCode.
    protected override string AddressFor(int recipient) => $"440105{recipient:000}";
}
