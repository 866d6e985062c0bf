using System.Collections.Concurrent;

namespace Warning.Peers.Devices;

/// <summary>
/// One sign or terminal as the topic scheme tells a device to behave: it keeps one warning per thread (a newer
/// version replaces it), drops it on clear/stop or when it expires, and recognises a msgId it has handled before (a
/// resend after a lost PUBACK), acknowledging it again without showing or playing it twice.
/// </summary>
internal sealed class DeviceState(DeviceAddress address)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
    private int _duplicates;

    public DeviceAddress Address { get; } = address;

    public string Id => Address.Id;

    /// <summary>Every command in arrival order, repeats included.</summary>
    public ConcurrentQueue<DeviceCommand> Received { get; } = new();

    /// <summary>What it shows (LED) or plays (terminal) now, by thread id.</summary>
    public ConcurrentDictionary<string, DeviceCommand> Active { get; } = new(StringComparer.Ordinal);

    /// <summary>Commands that came again with a msgId it had already handled.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    public DeviceOutcome Apply(DeviceCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Received.Enqueue(command);
        lock (_lock)
        {
            if (!_handled.Add(command.MsgId))
            {
                Interlocked.Increment(ref _duplicates);
                return new DeviceOutcome(DeviceActions.DoneStatus(command.Action), Duplicate: true);
            }
            return Change(command);
        }
    }

    /// <summary>Drops what has expired by <paramref name="now"/>; true when anything went.</summary>
    public bool Expire(DateTimeOffset now)
    {
        var expired = Active.Where(p => p.Value.DropAt is { } at && at <= now).ToList();
        foreach (var (thread, command) in expired)
        {
            Active.TryRemove(new KeyValuePair<string, DeviceCommand>(thread, command));
        }
        return expired.Count > 0;
    }

    private DeviceOutcome Change(DeviceCommand command)
    {
        if (command.ThreadId.Length == 0)
        {
            return DeviceOutcome.Refused("no threadId");
        }
        if (DeviceActions.Ends(command.Action))
        {
            Active.TryRemove(command.ThreadId, out _);
            return new DeviceOutcome(DeviceActions.DoneStatus(command.Action));
        }
        if (!DeviceActions.Starts(command.Action))
        {
            return DeviceOutcome.Refused($"unknown action '{command.Action}'");
        }
        // What a real sign or speaker could not put out at all is a failure, not a silent success.
        if (command.Action == DeviceActions.Show && command.Pages.Count == 0)
        {
            return DeviceOutcome.Refused("show without pages");
        }
        if (command.Action == DeviceActions.Play && string.IsNullOrEmpty(command.Text))
        {
            return DeviceOutcome.Refused("play without text");
        }
        if (command.DropAt is { } at && at <= command.ReceivedAt)
        {
            return DeviceOutcome.Refused("already expired");
        }
        Active[command.ThreadId] = command;
        return new DeviceOutcome(DeviceActions.DoneStatus(command.Action));
    }
}

/// <summary>What a device answers on its ack topic, and whether the command was a repeat.</summary>
internal readonly record struct DeviceOutcome(string Status, bool Duplicate = false, string? Detail = null)
{
    public static DeviceOutcome Refused(string why) => new(DeviceActions.Failed, Detail: why);
}
