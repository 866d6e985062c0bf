namespace Warning.Peers.Devices;

/// <summary>GET /api/devices: the broker link and what every device shows or plays now.</summary>
internal sealed record DevicesView(BrokerView Broker, IReadOnlyList<DeviceView> Devices);

internal sealed record BrokerView(string Host, int Port, string Filter, bool Connected);

internal sealed record DeviceView(string Kind, string District, string Id, int Commands, int Duplicates, DateTimeOffset? LastCommandAt,
    IReadOnlyList<ActiveWarningView> Active)
{
    public static DeviceView Of(DeviceState device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var last = device.Received.LastOrDefault();
        return new DeviceView(device.Address.Kind, device.Address.District, device.Id, device.Received.Count, device.Duplicates,
            last?.ReceivedAt, [.. device.Active.Values.OrderByDescending(c => c.ReceivedAt).Select(ActiveWarningView.Of)]);
    }
}

/// <summary>One warning on a device: pages of lines as the sign lays them out (LED), or text and repeats (terminal).</summary>
internal sealed record ActiveWarningView(string ThreadId, string VersionId, string MsgId, string Action, string? MsgType, string? Level,
    bool Drill, IReadOnlyList<IReadOnlyList<string>> Pages, int? PageSeconds, string? Text, int? Repeat, DateTimeOffset? ExpiresAt,
    DateTimeOffset ReceivedAt)
{
    public static ActiveWarningView Of(DeviceCommand c) => new(c.ThreadId, c.VersionId, c.MsgId, c.Action, c.MsgType, c.Level, c.Drill,
        c.Pages, c.PageSeconds, c.Text, c.Repeat, c.DropAt, c.ReceivedAt);
}
