using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Warning.Peers.Devices;

/// <summary>
/// A command as a device got it off its cmd topic, read with our own parser (not the adapter's types, so a field the
/// adapter misnames shows up here as missing), with the MQTT 5 properties the broker forwarded and the arrival time.
/// Fields: msgId, action (show|play|clear|stop), threadId, versionId, msgType, level, drill, pages (LED: pages of
/// lines), pageSeconds, text and repeat (terminals), expiresAt, reason (clear/stop).
/// </summary>
internal sealed record DeviceCommand(JsonObject Json, uint MessageExpiryInterval, string? ContentType, DateTimeOffset ReceivedAt)
{
    public string MsgId => String("msgId") ?? "";

    public string Action => String("action") ?? "";

    public string ThreadId => String("threadId") ?? "";

    public string VersionId => String("versionId") ?? "";

    public string? MsgType => String("msgType");

    public string? Level => String("level");

    public bool Drill => Json["drill"] is JsonValue value && value.TryGetValue<bool>(out var drill) && drill;

    public string? Text => String("text");

    public int? Repeat => Number("repeat");

    public int? PageSeconds => Number("pageSeconds");

    public string? Reason => String("reason");

    public IReadOnlyList<IReadOnlyList<string>> Pages =>
        Json["pages"] is JsonArray pages
            ? [.. pages.OfType<JsonArray>().Select(p => (IReadOnlyList<string>)[.. p.Select(l => l is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")])]
            : [];

    /// <summary>When the warning ends, as the command says.</summary>
    public DateTimeOffset? ExpiresAt =>
        DateTimeOffset.TryParse(String("expiresAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>When a device drops it: the warning's end, else the end of the MQTT message expiry interval.</summary>
    public DateTimeOffset? DropAt => ExpiresAt ?? (MessageExpiryInterval > 0 ? ReceivedAt.AddSeconds(MessageExpiryInterval) : null);

    /// <summary>Null when the payload is not a JSON object.</summary>
    public static DeviceCommand? TryParse(string payload, uint messageExpiryInterval, string? contentType, DateTimeOffset receivedAt)
    {
        try
        {
            return JsonNode.Parse(payload) is JsonObject json ? new DeviceCommand(json, messageExpiryInterval, contentType, receivedAt) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string? String(string name) => Json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private int? Number(string name) => Json[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
