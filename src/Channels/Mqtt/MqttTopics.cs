namespace Warning.Channels.Mqtt;

/// <summary>
/// The topic scheme, one topic pair per device:
/// <code>
/// {root}/{district}/{kind}/{deviceId}/cmd   engine → device: a JSON <see cref="DeviceCommand"/>, QoS 1, not retained,
///                                           MQTT 5 message expiry = time left until the warning expires
/// {root}/{district}/{kind}/{deviceId}/ack   device → engine: a JSON <see cref="DeviceAck"/>, QoS 1
/// </code>
/// <c>kind</c> is the channel name ("led" or "broadcast"), e.g. <c>ews/440106/led/LED-0001/cmd</c>. A device
/// subscribes to its own cmd topic with a persistent session (clean start off, a session expiry), so commands
/// published while it is briefly offline wait at the broker until they expire.
/// </summary>
internal sealed class MqttTopics(string root, string district)
{
    private const string CommandLevel = "cmd";
    private const string AckLevel = "ack";

    public string Command(string kind, string deviceId) => $"{root}/{district}/{kind}/{deviceId}/{CommandLevel}";

    public string Ack(string kind, string deviceId) => $"{root}/{district}/{kind}/{deviceId}/{AckLevel}";

    /// <summary>Every device's acknowledgements; a shared subscription when a group is named, so one node takes each.</summary>
    public string AckFilter(string? shareGroup)
    {
        var filter = $"{root}/{district}/+/+/{AckLevel}";
        return string.IsNullOrEmpty(shareGroup) ? filter : $"$share/{shareGroup}/{filter}";
    }

    /// <summary>Reads kind and device id back from an ack topic of this root and district.</summary>
    public bool TryParseAck(string topic, out string kind, out string deviceId)
    {
        kind = deviceId = string.Empty;
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[0] != root || parts[1] != district || parts[4] != AckLevel)
        {
            return false;
        }
        (kind, deviceId) = (parts[2], parts[3]);
        return true;
    }

    /// <summary>A device id must be one topic level: not empty, no '/', no wildcards, no NUL.</summary>
    public static bool IsUsableDeviceId(string deviceId) =>
        deviceId.Length is > 0 and <= 128 && deviceId.AsSpan().IndexOfAny("/+#\0") < 0;
}
