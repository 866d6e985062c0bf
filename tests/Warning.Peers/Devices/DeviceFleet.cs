using System.Collections.Concurrent;
using Warning.Peers.Recording;

namespace Warning.Peers.Devices;

/// <summary>
/// Named devices of one kind in one district, each its own MQTT 5 client with its own persistent session, for tests
/// that need what one shared client cannot show: a device that goes offline and comes back, or one that never
/// existed (the broker then finds no subscriber). Each behaves as <see cref="DeviceState"/> describes.
/// </summary>
internal sealed class DeviceFleet : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FleetDevice> _devices = new(StringComparer.Ordinal);

    private DeviceFleet(string host, int port, string root, string district, string kind, TimeProvider timeProvider)
    {
        (Host, Port, Root, District, Kind, TimeProvider) = (host, port, root, district, kind, timeProvider);
    }

    public string Host { get; }

    public int Port { get; }

    public string Root { get; }

    public string District { get; }

    public string Kind { get; }

    internal TimeProvider TimeProvider { get; }

    public ChangeSignal Changed { get; } = new();

    public FleetDevice this[string id] => _devices[id];

    public ICollection<FleetDevice> Devices => _devices.Values;

    public static async Task<DeviceFleet> StartAsync(string host, int port, string district, string kind, IEnumerable<string> deviceIds,
        CancellationToken cancellationToken, string root = PeersDefaults.TopicRoot, TimeProvider? timeProvider = null)
    {
        var fleet = new DeviceFleet(host, port, root, district, kind, timeProvider ?? TimeProvider.System);
        await Parallel.ForEachAsync(deviceIds, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (id, ct) => await fleet.AddAsync(id, ct));
        return fleet;
    }

    /// <summary>Connects one more device, subscribed to its command topic.</summary>
    public async Task<FleetDevice> AddAsync(string id, CancellationToken cancellationToken)
    {
        var device = new FleetDevice(this, new DeviceAddress(Root, District, Kind, id));
        _devices[id] = device;
        await device.ConnectAsync(cancellationToken);
        return device;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices.Values)
        {
            await device.DisposeAsync();
        }
    }
}
