using Warning.Channels.BroadcastPlatform;
using Warning.Channels.Tests.Contract;

namespace Warning.Channels.Tests.BroadcastPlatform;

/// <summary>The shared adapter contract, run against the Kestrel platform peer (every package checked by OpenSSL).</summary>
public sealed class BroadcastPlatformContractTests(BroadcastPlatformPeer peer)
    : ChannelAdapterContractTests<BroadcastPlatformChannelAdapter>, IClassFixture<BroadcastPlatformPeer>
{
    protected override BroadcastPlatformChannelAdapter CreateSut() => peer.CreateAdapter();

    protected override BroadcastPlatformChannelAdapter CreateSutWithFailingProvider() => peer.CreateAdapter("ebd/status/503");

    // Township codes of the district (9 digits); the adapter pads them to the 12 digits of AreaCode.
    protected override string AddressFor(int recipient) => $"440105{recipient:000}";
}
