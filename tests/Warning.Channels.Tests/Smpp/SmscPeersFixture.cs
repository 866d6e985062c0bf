using Warning.Channels.Tests.Support;
using Warning.Engine.Tests.Support;

namespace Warning.Channels.Tests.Smpp;

/// <summary>Two SMSC peers for the contract suite: one that accepts everything, one that throttles every submit.</summary>
public sealed class SmscPeersFixture : IAsyncLifetime
{
    private SmscPeer? _accepting;
    private SmscPeer? _throttling;
    private string? _problem;

    internal int AcceptingPort => Require(_accepting).Port;

    internal int ThrottlingPort => Require(_throttling).Port;

    public async ValueTask InitializeAsync()
    {
        _problem = SmscPeer.Locate().Problem;
        if (_problem is not null)
        {
            return;
        }
        _accepting = await SmscPeer.StartAsync(quiet: true);
        _throttling = await SmscPeer.StartAsync(quiet: true);
        await _throttling.SendAsync(new { cmd = "set", throttle = true });
        await _throttling.WaitForAsync("set");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in new[] { _accepting, _throttling })
        {
            if (peer is not null)
            {
                await peer.DisposeAsync();
            }
        }
    }

    private SmscPeer Require(SmscPeer? peer)
    {
        if (_problem is not null)
        {
            TestServers.Unavailable(_problem);
        }
        return peer!;
    }
}
