using System.Collections.Concurrent;
using Warning.Peers.Recording;

namespace Warning.Peers.Devices;

/// <summary>
/// Every device the simulator has heard of, discovered from the topics of their commands, and the record of what
/// each received. Expiry is checked on every read and by the simulator's timer, so a sign goes dark when its
/// warning ends even if nobody sends a clear.
/// </summary>
internal sealed class DeviceBoard(ReceivedLog log, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<DeviceAddress, DeviceState> _devices = new();

    public ChangeSignal Changed { get; } = new();

    public DeviceOutcome Handle(DeviceAddress address, DeviceCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var device = _devices.GetOrAdd(address, static a => new DeviceState(a));
        device.Expire(command.ReceivedAt);
        var outcome = device.Apply(command);
        log.Add(new ReceivedMessage(address.Kind, address.Id, command.ThreadId, command.VersionId, command.MsgId, KindOf(command.Action),
            TextOf(command), outcome.Duplicate, command.ReceivedAt, outcome.Detail ?? command.Reason));
        Changed.Pulse();
        return outcome;
    }

    /// <summary>Drops expired warnings on every device; pulses when something went dark.</summary>
    public void ExpireAll()
    {
        var now = timeProvider.GetUtcNow();
        var any = false;
        foreach (var device in _devices.Values)
        {
            any |= device.Expire(now);
        }
        if (any)
        {
            Changed.Pulse();
        }
    }

    public IReadOnlyList<DeviceState> Devices()
    {
        ExpireAll();
        return [.. _devices.Values.OrderBy(d => d.Address.Kind, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    private static string KindOf(string action) => action switch
    {
        DeviceActions.Show => ReceivedKinds.Display,
        DeviceActions.Play => ReceivedKinds.Play,
        DeviceActions.Clear or DeviceActions.Stop => ReceivedKinds.Clear,
        _ => action,
    };

    // The lines as the sign lays them out, joined back: what the public reads, comparable with the warning's text.
    private static string? TextOf(DeviceCommand command) =>
        command.Action == DeviceActions.Show ? string.Concat(command.Pages.SelectMany(p => p)) : command.Text;
}
