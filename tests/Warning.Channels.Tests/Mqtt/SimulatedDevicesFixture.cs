using Warning.Peers.Devices;

namespace Warning.Channels.Tests.Mqtt;

/// <summary>
/// Devices dev-1 … dev-20 of one kind, connected to the test broker for a whole contract-test class, so the
/// contract suite's sends find a subscriber behind every address. Without a broker it records why, and each
/// test that needs the broker skips (fails under CI) with that reason.
/// </summary>
public abstract class SimulatedDevicesFixture(string kind) : IAsyncLifetime
{
    public const int DeviceCount = 20;

    internal DeviceFleet? Simulator { get; private set; }

    internal string District { get; } = MqttTestBroker.UniqueDistrict();

    public static string AddressFor(int recipient) => $"dev-{recipient}";

    public async ValueTask InitializeAsync()
    {
        var (host, port) = MqttTestBroker.Endpoint;
        try
        {
            Simulator = await DeviceFleet.StartAsync(host, port, District, kind,
                Enumerable.Range(1, DeviceCount).Select(AddressFor), CancellationToken.None);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or System.Net.Sockets.SocketException)
        {
            Simulator = null;
        }
    }

    /// <summary>The simulator, or a skip (a failure under CI) when the broker is not running.</summary>
    internal DeviceFleet Require()
    {
        if (Simulator is null)
        {
            var (host, port) = MqttTestBroker.Endpoint;
            Engine.Tests.Support.TestServers.Unavailable($"mosquitto at {host}:{port} is unreachable; run scripts/services.sh");
        }
        return Simulator!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class LedSignsFixture() : SimulatedDevicesFixture("led");

public sealed class BroadcastTerminalsFixture() : SimulatedDevicesFixture("broadcast");
