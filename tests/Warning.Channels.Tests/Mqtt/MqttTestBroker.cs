using System.Net.Sockets;
using Warning.Engine.Tests.Support;

namespace Warning.Channels.Tests.Mqtt;

/// <summary>The mosquitto that scripts/services.sh runs (TestServers.Mqtt), and a port where no broker listens.</summary>
internal static class MqttTestBroker
{
    public static (string Host, int Port) Endpoint
    {
        get
        {
            var value = TestServers.Mqtt;
            var colon = value.LastIndexOf(':');
            return colon < 0 ? (value, 1883) : (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The broker's endpoint; skips the test (fails it under CI) when nothing listens there.</summary>
    public static async Task<(string Host, int Port)> RequireAsync(CancellationToken cancellationToken)
    {
        var (host, port) = Endpoint;
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(host, port, cancellationToken);
        }
        catch (SocketException e)
        {
            TestServers.Unavailable($"mosquitto at {host}:{port} is unreachable ({e.Message}); run scripts/services.sh");
        }
        return (host, port);
    }

    /// <summary>A loopback port that was free a moment ago: connecting to it is refused.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A topic level no other test uses, so tests share the broker without seeing each other's devices.</summary>
    public static string UniqueDistrict() => "t" + Guid.NewGuid().ToString("N")[..12];
}
