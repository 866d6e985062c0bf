namespace Warning.Peers.Devices;

/// <summary>
/// Where a device lives in the topic scheme <c>{root}/{district}/{kind}/{deviceId}/cmd|ack</c>, kind being the
/// channel ("led", "broadcast"). Read from the topic, so devices need no list: the first command creates one.
/// </summary>
internal readonly record struct DeviceAddress(string Root, string District, string Kind, string Id)
{
    private const string CommandLevel = "cmd";
    private const string AckLevel = "ack";

    public string CommandTopic => $"{Root}/{District}/{Kind}/{Id}/{CommandLevel}";

    public string AckTopic => $"{Root}/{District}/{Kind}/{Id}/{AckLevel}";

    /// <summary>Every device's commands under a root, in one district or ("+") in all of them.</summary>
    public static string CommandFilter(string root, string district) => $"{root}/{district}/+/+/{CommandLevel}";

    public static bool TryParseCommandTopic(string topic, out DeviceAddress address)
    {
        address = default;
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[4] != CommandLevel || parts.Any(p => p.Length == 0))
        {
            return false;
        }
        address = new DeviceAddress(parts[0], parts[1], parts[2], parts[3]);
        return true;
    }
}
