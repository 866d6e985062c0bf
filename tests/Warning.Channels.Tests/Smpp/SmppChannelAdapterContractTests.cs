using Warning.Channels.Smpp;
using Warning.Channels.Tests.Contract;

namespace Warning.Channels.Tests.Smpp;

/// <summary>The shared adapter contract, run against a real SMSC (node-smpp's server); the failing provider throttles.</summary>
public sealed class SmppChannelAdapterContractTests(SmscPeersFixture peers)
    : ChannelAdapterContractTests<SmppChannelAdapter>, IClassFixture<SmscPeersFixture>, IAsyncDisposable
{
    private readonly List<SmppChannelAdapter> _adapters = [];

    protected override SmppChannelAdapter CreateSut() => Track(SmppTestAdapters.Create(peers.AcceptingPort));

    protected override SmppChannelAdapter CreateSutWithFailingProvider() => Track(SmppTestAdapters.Create(peers.ThrottlingPort));

    protected override string AddressFor(int recipient) => $"1380000{recipient:D4}";

    public async ValueTask DisposeAsync()
    {
        foreach (var adapter in _adapters)
        {
            await adapter.DisposeAsync();
        }
    }

    private SmppChannelAdapter Track(SmppChannelAdapter adapter)
    {
        _adapters.Add(adapter);
        return adapter;
    }
}
