using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace Warning.Channels.Tests.Mqtt;

/// <summary>
/// Plays LED signs or broadcast terminals of one district as the topic scheme tells a device to behave: each device
/// is its own MQTT 5 client (persistent session) subscribed to <c>ews/{district}/{kind}/{id}/cmd</c>; it reads the
/// JSON with its own parser (not the adapter's types), keeps what it shows or plays per thread, drops it on
/// clear/stop, recognises a repeated msgId, and acknowledges every command on <c>…/ack</c>.
/// </summary>
internal sealed class DeviceSimulator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SimulatedDevice> _devices = new(StringComparer.Ordinal);

    private DeviceSimulator(string host, int port, string district, string kind)
    {
        (Host, Port, District, Kind) = (host, port, district, kind);
    }

    public string Host { get; }

    public int Port { get; }

    public string District { get; }

    public string Kind { get; }

    public Signal Changed { get; } = new();

    public SimulatedDevice this[string id] => _devices[id];

    public ICollection<SimulatedDevice> Devices => _devices.Values;

    public static async Task<DeviceSimulator> StartAsync(string host, int port, string district, string kind,
        IEnumerable<string> deviceIds, CancellationToken cancellationToken)
    {
        var simulator = new DeviceSimulator(host, port, district, kind);
        await Parallel.ForEachAsync(deviceIds, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (id, ct) => await simulator.AddAsync(id, ct));
        return simulator;
    }

    /// <summary>Connects one more device, subscribed to its command topic.</summary>
    public async Task<SimulatedDevice> AddAsync(string id, CancellationToken cancellationToken)
    {
        var device = new SimulatedDevice(this, id);
        _devices[id] = device;
        await device.ConnectAsync(cancellationToken);
        return device;
    }

    internal string CommandTopic(string id) => $"ews/{District}/{Kind}/{id}/cmd";

    internal string AckTopic(string id) => $"ews/{District}/{Kind}/{id}/ack";

    internal MqttClientOptions ClientOptions(string id) => new MqttClientOptionsBuilder()
        .WithTcpServer(Host, Port)
        .WithClientId($"sim-{District}-{Kind}-{id}")
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
        .WithCleanStart(false)
        .WithSessionExpiryInterval(300)
        .WithTimeout(TimeSpan.FromSeconds(10))
        .Build();

    internal static MqttApplicationMessage Ack(string topic, string msgId, string status) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload($$"""{"msgId":"{{msgId}}","status":"{{status}}"}""")
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices.Values)
        {
            await device.DisposeAsync();
        }
    }
}
