using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Warning.Channels.BroadcastPlatform;
using Warning.Channels.Tests.Peers;
using Warning.Channels.Tests.Support;
using Warning.Engine.Tests.Support;
using Warning.Peers.BroadcastPlatform;

namespace Warning.Channels.Tests.BroadcastPlatform;

/// <summary>
/// The broadcast-platform stand-in of Warning.Peers (<see cref="BroadcastPlatformStandIn"/>: checks by GNU tar,
/// OpenSSL and xmllint, signed answers) on a free port for a test class, and adapters pointed at it.
/// </summary>
public sealed class BroadcastPlatformPeerFixture : IAsyncLifetime
{
    public const string SourceEbrId = Warning.Peers.PeersDefaults.SourceEbrId;
    public const string PlatformEbrId = Warning.Peers.PeersDefaults.PlatformEbrId;

    private PeersServer? _server;

    internal BroadcastPlatformStandIn Platform => _server!.Get<BroadcastPlatformStandIn>();

    internal PeersServer Server => _server!;

    internal System.Collections.Concurrent.ConcurrentQueue<ReceivedPackage> Received => Platform.Received;

    public string SenderPrivateKeyPem => Platform.Keys!.SenderPrivateKeyPem;

    public string SenderPublicKeyPath => Platform.Keys!.SenderPublicKeyPath;

    public string PlatformPublicKeyPem => Platform.Keys!.PlatformPublicKeyPem;

    public async ValueTask InitializeAsync() =>
        _server = await PeersServer.StartAsync(new Dictionary<string, string?> { ["Peers:BroadcastPlatform:PlatformEbrId"] = PlatformEbrId });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Skips the calling test outside CI (fails it under CI=true) when the tools are missing.</summary>
    public void RequireTools()
    {
        if (Platform.Unavailable is { } reason)
        {
            TestServers.Unavailable(reason + "; run scripts/services.sh");
        }
    }

    internal BroadcastPlatformChannelAdapter CreateAdapter(string path = "ebd", Action<BroadcastPlatformChannelOptions>? configure = null,
        TimeProvider? timeProvider = null)
    {
        RequireTools();
        var options = new BroadcastPlatformChannelOptions
        {
            PlatformUrl = Server.Url(path),
            SourceEbrId = SourceEbrId,
            DestinationEbrId = PlatformEbrId,
            SourceUrl = "http://127.0.0.1:5080/eb/feedback",
            SenderName = "海珠区应急管理局",
            SenderCode = "44010641600000",
            PrivateKeyPem = SenderPrivateKeyPem,
            CertificateSerial = "0123456789ABCDEF",
            MaxBatchSize = 5,
        };
        configure?.Invoke(options);
        var time = timeProvider ?? TimeProvider.System;
        var client = new BroadcastPlatformClient(new SimpleHttpClientFactory(), time);
        return new BroadcastPlatformChannelAdapter(client, Options.Create(options), time, NullLogger<BroadcastPlatformChannelAdapter>.Instance);
    }
}
